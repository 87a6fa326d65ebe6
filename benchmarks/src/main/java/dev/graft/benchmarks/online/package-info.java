/**
 * What a migration does to a running application: the transition trigger's write overhead, Graft's
 * backfills against naive in-place DDL under a fixed-rate writer workload, and the inventory
 * example's migrations under load. {@link dev.graft.benchmarks.online.OnlineBenchmark} writes
 * {@code results/online.md}.
 */
package dev.graft.benchmarks.online;
