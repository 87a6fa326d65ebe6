/** Benchmarks that back the README's numbers; each prints a Markdown table and writes it under results/. */
package dev.graft.benchmarks;
