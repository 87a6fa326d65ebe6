/**
 * Checks of the two shapes a transition keeps alive: that existing rows survive the way to the
 * new shape and back (round trip), and that the transition triggers copy writes of either shape
 * into the other (sync). Both evaluate the catalog's own expressions in PostgreSQL.
 */
package dev.graft.verifier.shapes;
