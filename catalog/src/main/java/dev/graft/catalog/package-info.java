/**
 * Graft's catalog: reads a directory of {@code V<version>__<slug>.yaml} refactorings into a
 * validated, located model ({@link dev.graft.catalog.Catalog}) and the schema at each version
 * ({@link dev.graft.catalog.SchemaView}).
 */
package dev.graft.catalog;
