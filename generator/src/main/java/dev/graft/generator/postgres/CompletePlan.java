package dev.graft.generator.postgres;

import dev.graft.catalog.refactoring.Complete;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import dev.graft.generator.plan.Transition;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code complete}: the contracts of every transition the named version opened. What they prepare
 * while both shapes still live comes first, step by step (concurrent index builds among them);
 * then one atomic statement: all triggers and functions, then old columns and views.
 */
final class CompletePlan implements RefactoringPlanner<Complete> {

    @Override
    public Class<Complete> type() {
        return Complete.class;
    }

    @Override
    public RefactoringPlan plan(Complete r, PlanContext context) {
        List<Step> prepare = new ArrayList<>();
        List<Step> release = new ArrayList<>();
        List<Step> contract = new ArrayList<>();
        for (Transition transition : context.transitions().apply(r.version())) {
            RefactoringPlan plan = PostgresPlanners.plan(transition.refactoring(), transition.context());
            prepare.addAll(plan.prepare());
            release.addAll(plan.release());
            contract.addAll(plan.contract());
        }
        List<Step> atomic = new ArrayList<>(release);
        atomic.addAll(contract);
        List<Step> steps = new ArrayList<>(prepare);
        if (!atomic.isEmpty()) {
            steps.add(new Step.Atomic(atomic));
        }
        return RefactoringPlan.of(steps);
    }
}
