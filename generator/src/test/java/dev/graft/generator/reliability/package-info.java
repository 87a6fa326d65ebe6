/**
 * Crash trials of generated migrations: the process applying them, or the PostgreSQL server, is
 * killed ({@code kill -9}) at random points of a 100,000-row backfill; a re-run must end where a
 * clean run ends, with nothing lost and nothing stuck.
 *
 * <p>They live in the generator module's tests because this module alone has on its test class
 * path what they need and nothing more: the generator's API (the migrations are generated from
 * catalog YAML at run time, so a change to what the generator writes is tested unchanged), the
 * catalog reader, the branch engine (a dedicated embedded server whose branches give each trial a
 * fresh copy of one seeded parent) and stock Flyway with its PostgreSQL support.
 */
package dev.graft.generator.reliability;
