package dev.graft.generator.plan;

import dev.graft.catalog.refactoring.TableName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a plan. Every type carries its idempotency: a {@link Statement} is idempotent by
 * itself ({@code IF NOT EXISTS}, {@code CREATE OR REPLACE}, a no-op when repeated), a
 * {@link Guarded} step runs only while a {@code pg_catalog} condition holds, a {@link Block}
 * checks the catalog in PL/pgSQL, a {@link ConcurrentIndex} rebuilds an invalid leftover, and a
 * {@link Backfill} touches only rows whose values still differ. Steps are data; renderers turn
 * them into files.
 */
public sealed interface Step permits Step.Statement, Step.Guarded, Step.Block, Step.ConcurrentIndex, Step.Backfill,
        Step.Script, Step.Atomic, Step.Outside {

    /** Whether the step can run inside a transaction block. */
    default boolean transactional() {
        return true;
    }

    /**
     * A statement that is idempotent as written.
     *
     * @param sql the statement, without the terminating semicolon
     */
    record Statement(String sql) implements Step {
        public Statement {
            Objects.requireNonNull(sql, "sql == null");
        }
    }

    /**
     * A statement run only while {@code condition} (a boolean SQL expression, usually over
     * {@code pg_catalog}) is true, and which makes it false.
     *
     * @param condition when to run
     * @param sql       the statement, without the terminating semicolon
     */
    record Guarded(String condition, String sql) implements Step {
        public Guarded {
            Objects.requireNonNull(condition, "condition == null");
            Objects.requireNonNull(sql, "sql == null");
        }
    }

    /**
     * A PL/pgSQL block that checks the catalog itself before it changes anything.
     *
     * @param declarations the {@code DECLARE} section, may be empty
     * @param body         the statements between {@code BEGIN} and {@code END}
     */
    record Block(String declarations, String body) implements Step {
        public Block {
            Objects.requireNonNull(declarations, "declarations == null");
            Objects.requireNonNull(body, "body == null");
        }
    }

    /**
     * {@code CREATE INDEX CONCURRENTLY IF NOT EXISTS}, after dropping an INVALID leftover of a
     * failed earlier run. It cannot run in a transaction block.
     *
     * @param table  the indexed table
     * @param name   the index name
     * @param create the {@code CREATE ... INDEX CONCURRENTLY IF NOT EXISTS} statement
     */
    record ConcurrentIndex(TableName table, String name, String create) implements Step {
        public ConcurrentIndex {
            Objects.requireNonNull(table, "table == null");
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(create, "create == null");
        }

        @Override
        public boolean transactional() {
            return false;
        }
    }

    /**
     * Updates existing rows in key order, a batch at a time, each batch committed on its own,
     * touching only rows where {@code pending} holds (so a re-run, or a run resumed after a crash,
     * skips finished rows).
     * With a {@code claim}, a run waits for (or names) another run of it still going, and a
     * finished one is not walked again.
     *
     * @param table       the table
     * @param key         the key walked in batches (primary key or unique NOT NULL key)
     * @param assignments the columns set and their expressions, in order
     * @param pending     which rows still need the update
     * @param mode        a value for the {@code graft.backfill} setting while it runs, telling a
     *                    transition trigger that the backfill, not an application, writes
     * @param batchSize   rows per batch
     * @param ownTransactions whether it runs from a Java migration (the catalog's {@code backfill: {batch_size}})
     * @param claim       for the backfill of a transition: its lock and its done marker
     */
    record Backfill(TableName table, List<String> key, List<Assignment> assignments, String pending,
            Optional<String> mode, int batchSize, boolean ownTransactions, Optional<BackfillClaim> claim) implements Step {
        public Backfill {
            Objects.requireNonNull(table, "table == null");
            key = List.copyOf(key);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("a backfill needs a key");
            }
            assignments = List.copyOf(assignments);
            Objects.requireNonNull(pending, "pending == null");
            Objects.requireNonNull(mode, "mode == null");
            Objects.requireNonNull(claim, "claim == null");
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
            }
        }

        /** Every batch commits on its own, in SQL too: the migration runs outside a transaction. */
        @Override
        public boolean transactional() {
            return false;
        }
    }

    /**
     * One column set by a backfill.
     *
     * @param column     the column
     * @param expression its new value, an expression over the row
     */
    record Assignment(String column, String expression) {
        public Assignment {
            Objects.requireNonNull(column, "column == null");
            Objects.requireNonNull(expression, "expression == null");
        }
    }

    /**
     * Statements written by hand in the catalog ({@code sql: {up: ...}}), idempotent by the
     * user's promise (verify proves it).
     *
     * @param sql the script as written
     */
    record Script(String sql) implements Step {
        public Script {
            Objects.requireNonNull(sql, "sql == null");
        }
    }

    /**
     * Steps run as one statement, so they commit or fail together even under {@code psql -f}
     * without a transaction: what a contract is rendered as.
     *
     * @param steps statements, guarded statements and blocks
     */
    record Atomic(List<Step> steps) implements Step {
        public Atomic {
            steps = List.copyOf(steps);
            for (Step step : steps) {
                if (!(step instanceof Statement || step instanceof Guarded || step instanceof Block)) {
                    throw new IllegalArgumentException("an atomic step holds statements, guarded statements and blocks,"
                            + " not " + step.getClass().getSimpleName());
                }
            }
        }
    }

    /**
     * A statement idempotent as written that must commit before the next one, outside a
     * transaction block: {@code ALTER TYPE ... ADD VALUE IF NOT EXISTS}, whose new label no
     * statement of the same transaction may use (and which PostgreSQL before 12 refuses inside a
     * transaction block). Its migration runs outside a transaction.
     *
     * @param sql the statement, without the terminating semicolon
     */
    record Outside(String sql) implements Step {
        public Outside {
            Objects.requireNonNull(sql, "sql == null");
        }

        @Override
        public boolean transactional() {
            return false;
        }
    }
}
