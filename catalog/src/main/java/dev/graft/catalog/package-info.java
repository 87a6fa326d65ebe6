/** Graft catalog: see ARCHITECTURE.md. */
package dev.graft.catalog;
