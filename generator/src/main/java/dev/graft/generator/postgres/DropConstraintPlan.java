package dev.graft.generator.postgres;

import static dev.graft.generator.plan.PgCatalog.tableExists;
import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.regclass;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.DropConstraint;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code drop_constraint}: by name, {@code DROP CONSTRAINT IF EXISTS}; by shape, every
 * constraint of that kind whose key is exactly those columns, in order, found in
 * {@code pg_catalog} when the migration runs (none found: nothing to do).
 */
final class DropConstraintPlan implements RefactoringPlanner<DropConstraint> {

    @Override
    public Class<DropConstraint> type() {
        return DropConstraint.class;
    }

    @Override
    public RefactoringPlan plan(DropConstraint r, PlanContext context) {
        if (r.name().isPresent()) {
            return RefactoringPlan.of(List.of(new Step.Guarded(tableExists(r.table()), "ALTER TABLE "
                    + table(r.table()) + " DROP CONSTRAINT IF EXISTS " + quote(r.name().get()))));
        }
        String rel = regclass(r.table());
        String key = r.columns().isEmpty() ? "" : " AND c.conkey = ARRAY(SELECT a.attnum FROM unnest(ARRAY["
                + r.columns().stream().map(n -> literal(n)).collect(Collectors.joining(", "))
                + "]::text[]) WITH ORDINALITY AS k(name, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = " + rel
                + " AND a.attname = k.name ORDER BY k.ord)";
        String body = "  FOR graft_name IN SELECT c.conname FROM pg_catalog.pg_constraint c WHERE c.conrelid = " + rel
                + " AND c.contype = " + literal(r.kind().orElseThrow().contype()) + key + " LOOP\n"
                + "    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT IF EXISTS %I', " + rel + ", graft_name);\n"
                + "  END LOOP;\n";
        return RefactoringPlan.of(List.of(new Step.Block("  graft_name name;\n", body)));
    }
}
