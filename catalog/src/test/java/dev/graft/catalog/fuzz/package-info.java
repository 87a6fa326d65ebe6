/** A property-based fuzzer over valid catalogs: every damaged input ends valid or with located problems. */
package dev.graft.catalog.fuzz;
