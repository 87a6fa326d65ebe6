package dev.graft.generator.postgres;

import dev.graft.catalog.refactoring.AddForeignKey;
import dev.graft.catalog.refactoring.Orphans;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code add_foreign_key}: the constraint NOT VALID (checks new writes at once), the orphan
 * policy on existing rows (reject: VALIDATE fails naming the constraint; nullify; delete), then
 * VALIDATE, which scans without blocking writers.
 */
final class AddForeignKeyPlan implements RefactoringPlanner<AddForeignKey> {

    @Override
    public Class<AddForeignKey> type() {
        return AddForeignKey.class;
    }

    @Override
    public RefactoringPlan plan(AddForeignKey r, PlanContext context) {
        List<Step> constraint = OnlineConstraints.addValidated(r.table(), r.constraintName(),
                ColumnClauses.foreignKey(r.columns(), r.references()));
        List<Step> steps = new ArrayList<>();
        steps.add(constraint.get(0));
        if (r.orphans() != Orphans.REJECT) {
            List<String> referenced = r.references().columns().isEmpty()
                    ? context.table(r.references().table()).primaryKey() : r.references().columns();
            OrphanRows.policy(r.table(), r.columns(), r.orphans(),
                    OrphanRows.condition(r.columns(), r.references().table(), referenced, false)).ifPresent(steps::add);
        }
        steps.add(constraint.get(1));
        return RefactoringPlan.of(steps);
    }
}
