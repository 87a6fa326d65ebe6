/** Graft generator: see ARCHITECTURE.md. */
package dev.graft.generator;
