/** How fast a test gets its database: the extension against the usual alternatives, on the same server. */
package dev.graft.benchmarks.junit;
