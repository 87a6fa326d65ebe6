/**
 * Graft's proof: {@link dev.graft.verifier.Verifier} replays every pending migration on
 * copy-on-write branches of a parent database (apply, apply again, every interrupted prefix,
 * transition triggers, round trips, contracts) and reports what it found.
 */
package dev.graft.verifier;
