/**
 * PostgreSQL plans: one planner per refactoring type ({@code SplitColumnPlan} for
 * {@code split_column}), the registry listing them, and the shared pieces they are built from
 * (column clauses, online constraints, transition triggers).
 */
package dev.graft.generator.postgres;
