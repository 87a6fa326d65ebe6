/**
 * Plans as data: the steps a refactoring needs (expand, backfill, contract), each carrying its
 * own idempotency guard, and the one place where identifiers and literals become SQL text.
 */
package dev.graft.generator.plan;
