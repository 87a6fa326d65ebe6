package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.DropIdentity;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;

/** {@code drop_identity}: {@code DROP IDENTITY} (its sequence goes with it) while {@code attidentity} is set. */
final class DropIdentityPlan implements RefactoringPlanner<DropIdentity> {

    @Override
    public Class<DropIdentity> type() {
        return DropIdentity.class;
    }

    @Override
    public RefactoringPlan plan(DropIdentity r, PlanContext context) {
        return RefactoringPlan.of(List.of(new Step.Guarded(ColumnCatalog.identity(r.table(), r.column()),
                "ALTER TABLE " + table(r.table()) + " ALTER COLUMN " + quote(r.column()) + " DROP IDENTITY IF EXISTS")));
    }
}
