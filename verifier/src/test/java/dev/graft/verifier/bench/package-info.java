/** The verifier's benchmark: a main() printing a Markdown table, run by hand and recorded in the README. */
package dev.graft.verifier.bench;
