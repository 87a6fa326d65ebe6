package dev.graft.generator.postgres;

import static dev.graft.generator.plan.PgCatalog.and;
import static dev.graft.generator.plan.PgCatalog.not;
import static dev.graft.generator.plan.PgCatalog.tableExists;
import static dev.graft.generator.plan.SqlIdentifier.list;
import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.RenameTable;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;

/**
 * {@code rename_table}: the expand renames the table (everything attached to it follows, as in
 * place) and leaves an automatically updatable view under the old name for old code; the
 * contract drops the view, unless {@code keep_view} keeps it (then the contract has nothing to do).
 */
final class RenameTablePlan implements RefactoringPlanner<RenameTable> {

    @Override
    public Class<RenameTable> type() {
        return RenameTable.class;
    }

    @Override
    public RefactoringPlan plan(RenameTable r, PlanContext context) {
        List<String> columns = context.table(r.from()).columnNames();
        String view = table(r.from());
        return RefactoringPlan.transition(List.of(
                new Step.Guarded(and(tableExists(r.from()), not(tableExists(r.to()))),
                        "ALTER TABLE " + table(r.from()) + " RENAME TO " + quote(r.to().name())),
                new Step.Statement("CREATE OR REPLACE VIEW " + view + " AS SELECT " + list(columns) + " FROM "
                        + table(r.to())),
                new Step.Statement("COMMENT ON VIEW " + view + " IS " + literal(r.keepView()
                        ? context.names().keptComment() : context.names().comment()))),
                r.keepView() ? List.of() : List.of(new Step.Statement("DROP VIEW IF EXISTS " + view)));
    }
}
