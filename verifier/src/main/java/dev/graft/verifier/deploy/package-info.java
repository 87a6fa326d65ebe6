/**
 * Deploying proven migrations: what a verification report records as its proof (each migration's
 * content hash, the schema it started from), reading those reports back, and {@link
 * dev.graft.verifier.deploy.Deployment}, which applies to a target only what a passing report proved,
 * after checking the target's schema is the one the proof expects.
 */
package dev.graft.verifier.deploy;
