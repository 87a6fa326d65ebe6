package dev.graft.generator.postgres;

import dev.graft.catalog.refactoring.Sql;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;

/**
 * {@code sql}: the {@code up} script as written (linted and verified like the rest); an
 * {@code on_complete} script runs in the {@code complete} of its version, before the atomic
 * contract of the version's other transitions.
 */
final class SqlPlan implements RefactoringPlanner<Sql> {

    @Override
    public Class<Sql> type() {
        return Sql.class;
    }

    @Override
    public RefactoringPlan plan(Sql r, PlanContext context) {
        List<Step> expand = List.of(new Step.Script(r.up().text()));
        return r.onComplete().map(c -> new RefactoringPlan(expand, List.of(new Step.Script(c.text())), List.of(),
                List.<Step>of())).orElseGet(() -> RefactoringPlan.of(expand));
    }
}
