package dev.graft.generator.postgres;

import dev.graft.catalog.refactoring.Sql;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;

/** {@code sql}: the {@code up} script as written (linted and verified like the rest). */
final class SqlPlan implements RefactoringPlanner<Sql> {

    @Override
    public Class<Sql> type() {
        return Sql.class;
    }

    @Override
    public RefactoringPlan plan(Sql r, PlanContext context) {
        return RefactoringPlan.of(List.of(new Step.Script(r.up().text())));
    }
}
