package dev.graft.generator.plan;

import java.util.List;

/**
 * What one refactoring needs: the steps of its own migration (expand, backfills and the checks
 * that follow them, in order) and, for a transition, the three parts of the contract a later
 * {@code complete} runs: {@code prepare} (work done while both shapes still live, such as
 * building indexes concurrently; each step idempotent on its own, as they run one by one), then,
 * in one atomic statement, {@code release} (its triggers and functions, dropped first) and
 * {@code contract} (old columns and views).
 *
 * @param expand   steps of the refactoring's migration
 * @param prepare  steps of the contract that run before the atomic part, one by one
 * @param release  steps of the contract that drop triggers and functions
 * @param contract the other steps of the contract
 */
public record RefactoringPlan(List<Step> expand, List<Step> prepare, List<Step> release, List<Step> contract) {

    public RefactoringPlan {
        expand = List.copyOf(expand);
        prepare = List.copyOf(prepare);
        release = List.copyOf(release);
        contract = List.copyOf(contract);
    }

    /** A transition whose contract is one atomic statement. */
    public RefactoringPlan(List<Step> expand, List<Step> release, List<Step> contract) {
        this(expand, List.of(), release, contract);
    }

    /** A refactoring without transition. */
    public static RefactoringPlan of(List<Step> expand) {
        return new RefactoringPlan(expand, List.of(), List.of());
    }

    /** A transition without triggers (drop_table, drop_column, rename_table). */
    public static RefactoringPlan transition(List<Step> expand, List<Step> contract) {
        return new RefactoringPlan(expand, List.of(), contract);
    }
}
