/**
 * The {@code locks} check: a migration applied on a branch while a synthetic workload of the old
 * application reads and writes the tables it touches, with what it locked, for how long, and how
 * long the workload waited behind it.
 */
package dev.graft.verifier.locks;
