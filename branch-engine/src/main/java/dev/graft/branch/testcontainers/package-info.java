/**
 * The engine for users who want their branches inside a specific PostgreSQL image (their
 * production version, extensions such as PostGIS): one Testcontainers container per engine,
 * branching inside it by template. Testcontainers is an optional dependency of this module;
 * only this package uses it.
 */
package dev.graft.branch.testcontainers;
