package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.inSchema;
import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.regclass;

import dev.graft.catalog.IndexView;
import dev.graft.catalog.refactoring.DropIndex;
import dev.graft.catalog.refactoring.TableName;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code drop_index}: {@code DROP INDEX CONCURRENTLY IF EXISTS}, outside a transaction (an
 * interrupted drop leaves an INVALID index, which the step drops first). By table and columns,
 * the index is the one the schema view knows; where it knows none (a baseline it could not
 * follow) it is looked up in {@code pg_catalog} when the migration runs and dropped in a block,
 * which cannot be concurrent.
 */
final class DropIndexPlan implements RefactoringPlanner<DropIndex> {

    @Override
    public Class<DropIndex> type() {
        return DropIndex.class;
    }

    @Override
    public RefactoringPlan plan(DropIndex r, PlanContext context) {
        Optional<TableName> index = r.name().or(() -> r.table().flatMap(t -> context.schema().table(t))
                .flatMap(r::byShape).map(IndexView::name).map(n -> new TableName(r.table().get().schema(), n)));
        if (index.isPresent()) {
            TableName i = index.get();
            return RefactoringPlan.of(List.of(new Step.ConcurrentIndex(i, i.name(),
                    "DROP INDEX CONCURRENTLY IF EXISTS " + inSchema(i, i.name()))));
        }
        TableName t = r.table().orElseThrow();
        String rel = regclass(t);
        String body = "  FOR graft_index IN SELECT i.indexrelid::regclass FROM pg_catalog.pg_index i WHERE i.indrelid = "
                + rel + " AND i.indexprs IS NULL AND i.indpred IS NULL AND NOT EXISTS (SELECT 1 FROM"
                + " pg_catalog.pg_constraint c WHERE c.conindid = i.indexrelid) AND ARRAY(SELECT u.k FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS u(k, o) ORDER BY u.o) = ARRAY(SELECT"
                + " a.attnum FROM unnest(ARRAY[" + r.columns().stream().map(n -> literal(n))
                .collect(Collectors.joining(", ")) + "]::text[]) WITH ORDINALITY AS k(name, ord) JOIN"
                + " pg_catalog.pg_attribute a ON a.attrelid = " + rel + " AND a.attname = k.name ORDER BY k.ord) LOOP\n"
                + "    EXECUTE format('DROP INDEX IF EXISTS %s', graft_index);\n"
                + "  END LOOP;\n";
        return RefactoringPlan.of(List.of(new Step.Block("  graft_index regclass;\n", body)));
    }
}
