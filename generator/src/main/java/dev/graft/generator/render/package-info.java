/**
 * Renderers: plans written as files, byte for byte the same on every run: Flyway SQL
 * migrations (plus the script configuration of those that cannot run in a transaction) and
 * JavaPoet-generated Java migrations for backfills that commit in batches.
 */
package dev.graft.generator.render;
