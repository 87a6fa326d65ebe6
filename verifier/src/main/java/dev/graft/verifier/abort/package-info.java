/**
 * Aborting an expanded, not completed transition on a target database: the refusals (not a
 * transition, completed, followed by later migrations) checked against its Flyway history, then the
 * catalog's abort script run in one transaction, reporting what it dropped and restored.
 */
package dev.graft.verifier.abort;
