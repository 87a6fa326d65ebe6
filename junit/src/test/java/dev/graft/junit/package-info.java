/**
 * Tests of the extension on real embedded PostgreSQL: sample test classes (static nested, so the
 * build does not run them itself) are executed with the JUnit Platform test kit, and their
 * outcomes and leftovers checked.
 */
package dev.graft.junit;
