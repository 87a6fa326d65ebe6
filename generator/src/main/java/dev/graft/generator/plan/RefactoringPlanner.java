package dev.graft.generator.plan;

import dev.graft.catalog.refactoring.Refactoring;

/**
 * Plans one refactoring type: refactoring and schema in, steps out; never a connection.
 *
 * @param <R> the refactoring record
 */
public interface RefactoringPlanner<R extends Refactoring> {

    /** The record this planner serves. */
    Class<R> type();

    /** The plan of {@code refactoring} over the schema of {@code context}. */
    RefactoringPlan plan(R refactoring, PlanContext context);
}
