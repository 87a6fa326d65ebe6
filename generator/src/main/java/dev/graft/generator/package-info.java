/**
 * The generator's public API: {@link dev.graft.generator.Generator} turns a catalog into
 * idempotent Flyway migrations (SQL files, and Java migrations for batched backfills), writes
 * only missing files and reports drift; {@link dev.graft.generator.Planner} exposes the plans.
 */
package dev.graft.generator;
