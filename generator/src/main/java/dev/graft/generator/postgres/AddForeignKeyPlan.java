package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.AddForeignKey;
import dev.graft.catalog.refactoring.Orphans;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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
            StringBuilder orphan = new StringBuilder();
            for (String c : r.columns()) {
                orphan.append("graft_t.").append(quote(c)).append(" IS NOT NULL AND ");
            }
            orphan.append("NOT EXISTS (SELECT 1 FROM ").append(table(r.references().table())).append(" AS graft_r WHERE ");
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < r.columns().size(); i++) {
                pairs.add("graft_r." + quote(referenced.get(i)) + " = graft_t." + quote(r.columns().get(i)));
            }
            orphan.append(String.join(" AND ", pairs)).append(')');
            steps.add(new Step.Statement(r.orphans() == Orphans.DELETE
                    ? "DELETE FROM " + table(r.table()) + " AS graft_t WHERE " + orphan
                    : "UPDATE " + table(r.table()) + " AS graft_t SET "
                            + r.columns().stream().map(c -> quote(c) + " = NULL").collect(Collectors.joining(", "))
                            + " WHERE " + orphan));
        }
        steps.add(constraint.get(1));
        return RefactoringPlan.of(steps);
    }
}
