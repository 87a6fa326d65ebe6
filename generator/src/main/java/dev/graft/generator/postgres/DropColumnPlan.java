package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.DropColumn;
import dev.graft.generator.plan.PgCatalog;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;

/**
 * {@code drop_column}: the expand drops NOT NULL so new writers may leave the column out (the
 * data stays); the contract drops the column.
 */
final class DropColumnPlan implements RefactoringPlanner<DropColumn> {

    @Override
    public Class<DropColumn> type() {
        return DropColumn.class;
    }

    @Override
    public RefactoringPlan plan(DropColumn r, PlanContext context) {
        String column = quote(r.column());
        return RefactoringPlan.transition(
                List.of(new Step.Guarded(PgCatalog.columnExists(r.table(), r.column()),
                        "ALTER TABLE " + table(r.table()) + " ALTER COLUMN " + column + " DROP NOT NULL")),
                List.of(new Step.Statement("ALTER TABLE " + table(r.table()) + " DROP COLUMN IF EXISTS " + column)));
    }
}
