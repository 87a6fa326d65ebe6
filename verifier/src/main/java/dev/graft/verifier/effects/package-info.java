/**
 * The rows a migration changed, measured on the verify branch: its clean run's tables before and
 * after, keyed by primary key, each change attributed to the catalog refactoring (and policy, such
 * as {@code orphans: nullify}) that made it.
 */
package dev.graft.verifier.effects;
