/**
 * The engine for a PostgreSQL server the user already runs: branches by template, copy-on-write
 * where the server is 18+ and its data directory was observed to clone.
 */
package dev.graft.branch.server;
