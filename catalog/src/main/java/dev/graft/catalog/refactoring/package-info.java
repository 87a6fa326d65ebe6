/**
 * The refactorings of a catalog: one record per YAML key, each file holding the record, its
 * reading, validation and virtual application; {@link dev.graft.catalog.refactoring.RefactoringTypes}
 * is the registry.
 */
package dev.graft.catalog.refactoring;
