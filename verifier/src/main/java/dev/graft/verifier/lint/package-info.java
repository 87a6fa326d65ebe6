/**
 * Lint for hand-written SQL migrations: statements that are not idempotent and statements that
 * take dangerous locks, each with a code, a line and a suggested rewrite, judged against the
 * schema the migration runs against when it is known. Only {@code JsqlStatements} imports
 * JSqlParser; a statement it cannot read is a warning.
 */
package dev.graft.verifier.lint;
