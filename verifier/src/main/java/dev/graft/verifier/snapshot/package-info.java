/**
 * What a database is, as data: its schema read from {@code pg_catalog}, a fingerprint of every
 * table's rows, and the structured difference between two of them. Reading needs a connection;
 * comparing does not.
 */
package dev.graft.verifier.snapshot;
