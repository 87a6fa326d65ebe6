/**
 * The {@code lakebase} engine: branches of a Databricks Lakebase (Autoscaling) project made
 * through the {@code postgres/v1} API, each with a read-write compute and short-lived OAuth
 * credentials that are refreshed before they expire.
 */
package dev.graft.branch.lakebase;
