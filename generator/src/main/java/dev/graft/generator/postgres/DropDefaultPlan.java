package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.DropDefault;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;

/** {@code drop_default}: {@code DROP DEFAULT} while {@code pg_attrdef} still holds one for the column. */
final class DropDefaultPlan implements RefactoringPlanner<DropDefault> {

    @Override
    public Class<DropDefault> type() {
        return DropDefault.class;
    }

    @Override
    public RefactoringPlan plan(DropDefault r, PlanContext context) {
        return RefactoringPlan.of(List.of(new Step.Guarded(ColumnCatalog.hasDefault(r.table(), r.column()),
                "ALTER TABLE " + table(r.table()) + " ALTER COLUMN " + quote(r.column()) + " DROP DEFAULT")));
    }
}
