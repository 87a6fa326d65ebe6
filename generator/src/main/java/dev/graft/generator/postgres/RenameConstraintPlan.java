package dev.graft.generator.postgres;

import static dev.graft.generator.plan.PgCatalog.and;
import static dev.graft.generator.plan.PgCatalog.constraintExists;
import static dev.graft.generator.plan.PgCatalog.not;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.RenameConstraint;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;

/** {@code rename_constraint}: RENAME CONSTRAINT while the old name exists and the new one does not. */
final class RenameConstraintPlan implements RefactoringPlanner<RenameConstraint> {

    @Override
    public Class<RenameConstraint> type() {
        return RenameConstraint.class;
    }

    @Override
    public RefactoringPlan plan(RenameConstraint r, PlanContext context) {
        return RefactoringPlan.of(List.of(new Step.Guarded(
                and(constraintExists(r.table(), r.from()), not(constraintExists(r.table(), r.to()))),
                "ALTER TABLE " + table(r.table()) + " RENAME CONSTRAINT " + quote(r.from()) + " TO " + quote(r.to()))));
    }
}
