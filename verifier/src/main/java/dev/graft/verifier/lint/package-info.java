/**
 * Lint for hand-written SQL migrations, one rule family per hazard: idempotency, locks, Flyway's
 * transaction, breaking changes for the running version, run-time failures, types and (off by
 * default) style. Each finding has a code, a {@code file:line:col}, a page in
 * {@code docs/lint-rules.md}, and a rewrite that runs twice on PostgreSQL where one exists.
 * Judged against the schema before the migration when it is known. Only {@code JsqlStatements}
 * imports JSqlParser; a statement it cannot read is a warning, never an exception.
 */
package dev.graft.verifier.lint;
