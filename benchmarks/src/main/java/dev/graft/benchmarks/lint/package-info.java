/**
 * Graft's lint and squawk side by side on one corpus of bad and good migrations: which hazards
 * each catches, and where each raises a false alarm.
 */
package dev.graft.benchmarks.lint;
