/**
 * A migration's SQL as statements: split where Flyway splits it (Flyway's own PostgreSQL parser,
 * which understands dollar quoting, {@code DO} blocks and {@code BEGIN ATOMIC} bodies), each with
 * its line, so the verifier runs exactly the statements Flyway runs.
 */
package dev.graft.verifier.sql;
