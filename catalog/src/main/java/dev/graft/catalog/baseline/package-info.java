/**
 * The baseline: the schema a parent database really has before the first catalog file,
 * captured once into {@code baseline.yaml} in the catalog folder, read offline by every catalog
 * goal, and compared with the parent at verify time to find drift.
 */
package dev.graft.catalog.baseline;
