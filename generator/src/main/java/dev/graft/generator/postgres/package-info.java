/**
 * PostgreSQL plans: one planner per refactoring type ({@code SplitColumnPlan} for
 * {@code split_column}), the registry listing them, and the shared pieces they are built from
 * (column clauses, online constraints, transition triggers and their default markers, and the
 * contracts that move what is attached to a column onto another).
 */
package dev.graft.generator.postgres;
