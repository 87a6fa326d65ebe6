/**
 * The {@code neon} engine: branches of a Neon project made through Neon's REST API v2, each a
 * page-level copy-on-write clone of its parent with its own read-write compute.
 */
package dev.graft.branch.neon;
