package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.DropTable;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;

/** {@code drop_table}: the expand changes nothing (old code still reads it); the contract drops it. */
final class DropTablePlan implements RefactoringPlanner<DropTable> {

    @Override
    public Class<DropTable> type() {
        return DropTable.class;
    }

    @Override
    public RefactoringPlan plan(DropTable r, PlanContext context) {
        return RefactoringPlan.transition(List.of(),
                List.of(new Step.Statement("DROP TABLE IF EXISTS " + table(r.table()))));
    }
}
