/** Graft verifier: see ARCHITECTURE.md. */
package dev.graft.verifier;
