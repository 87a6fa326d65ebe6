/** Test fixtures shared with the benchmarks: scratch copy-on-write file systems. */
package dev.graft.branch.testing;
