package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Psql;
import dev.graft.generator.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every transition kind (split, merge, rename of a column and of a table, type change, add_column
 * with {@code from}): backfills of 100,000 rows while writers of both shapes keep writing, the file run statement by
 * statement in autocommit as {@code psql -f} runs it; and a run whose {@code psql} was killed.
 * Writes, deadlocks, the trigger's conflicts and serialization failures are counted and written to
 * {@code target/reliability-racing.md}; a deadlock, with the backfill or between writers, fails.
 */
class ConcurrentBackfillTest {

    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentBackfillTest.class);
    private static final long ROWS = 100_000;

    /** rename_table: no backfill; old-shape writers write through the view under the old name. */
    static final TransitionCase RENAME_TABLE = new TransitionCase("rename_table", Transitions.INVENTORY, """
            refactorings:
              - rename_table: { from: inventory, to: stock_item }
            """, "stock_item", TransitionCase.SPLIT.seed(), TransitionCase.SPLIT.oldWrite(),
            id -> "UPDATE stock_item SET inventory_code = 'NEW002B00002SN' || lpad('" + id + "', 8, '0') WHERE id = " + id,
            TransitionCase.SPLIT.oldInsert(),
            id -> "INSERT INTO stock_item (id, inventory_code) VALUES (" + id + ", 'INS004B00004SN' || lpad('" + id
                    + "', 8, '0'))",
            "NOT EXISTS (SELECT 1 FROM inventory v WHERE v.id = stock_item.id"
                    + " AND v.inventory_code IS NOT DISTINCT FROM stock_item.inventory_code)",
            id -> "SELECT inventory_code FROM stock_item WHERE id = " + id);

    static final List<TransitionCase> CASES = java.util.stream.Stream.concat(TransitionCase.ALL.stream(),
            java.util.stream.Stream.of(RENAME_TABLE, SplitTablePlanTest.RACING,
            MergeTablesPlanTest.RACING)).toList();

    /** The figures of every case run, written to target/reliability-racing.md after the last. */
    private static final List<RacingFigures.Race> RACES = Collections.synchronizedList(new ArrayList<>());

    /** Single-row writes of one shape in a loop, in autocommit, counting what the database said. */
    private static final class Writer extends Thread {
        private final Scenario scenario;
        private final LongFunction<String> update;
        private final LongFunction<String> insert;
        private final AtomicLong nextId;
        private final AtomicBoolean stop;
        final AtomicLong written = new AtomicLong();
        final AtomicLong missingColumn = new AtomicLong();
        final AtomicLong deadlocks = new AtomicLong();
        final AtomicLong conflicts = new AtomicLong();
        final AtomicLong serialization = new AtomicLong();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());

        Writer(Scenario scenario, LongFunction<String> update, LongFunction<String> insert, AtomicLong nextId,
                AtomicBoolean stop) {
            this.scenario = scenario;
            this.update = update;
            this.insert = insert;
            this.nextId = nextId;
            this.stop = stop;
        }

        @Override
        public void run() {
            try (Connection c = scenario.connect(); Statement s = c.createStatement()) {
                for (long i = 0; !stop.get(); i++) {
                    String sql = i % 5 == 0 ? insert.apply(nextId.incrementAndGet())
                            : update.apply(ThreadLocalRandom.current().nextLong(1, ROWS + 1));
                    try {
                        s.execute(sql);
                        written.incrementAndGet();
                    } catch (SQLException e) {
                        String state = e.getSQLState();
                        if ("42703".equals(state) || "42P01".equals(state)) {
                            missingColumn.incrementAndGet();
                        } else if ("40P01".equals(state)) {
                            deadlocks.incrementAndGet();
                            failures.add(e.getMessage());
                        } else if ("40001".equals(state)) {
                            serialization.incrementAndGet();
                        } else if ("23000".equals(state) && e.getMessage().contains("conflicting writes")) {
                            conflicts.incrementAndGet();
                        } else {
                            failures.add(e.getSQLState() + " " + e.getMessage());
                        }
                    }
                }
            } catch (SQLException e) {
                failures.add(e.getMessage());
            }
        }
    }

    @ParameterizedTest
    @FieldSource("CASES")
    void aBackfillAmongWritersOfBothShapesEndsWithNoRowOutOfStep(TransitionCase c) throws Exception {
        try (Scenario s = c.scenario("concurrent", ROWS)) {
            List<List<String>> parts = c == RENAME_TABLE ? List.of(s.statements("2"), List.of())
                    : TransitionTriggerTest.splitAtBackfill(s);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong ids = new AtomicLong(ROWS + 1_000);
            Writer old = new Writer(s, c.oldWrite(), c.oldInsert(), ids, stop);
            Writer fresh = new Writer(s, c.newWrite(), c.newInsert(), ids, stop);
            long racing = System.nanoTime();
            old.start();
            fresh.start();
            Thread.sleep(200);
            long started = System.nanoTime();
            s.run(parts.get(0));
            long expanded = System.nanoTime();
            String backfillDeadlock = null;
            try {
                s.run(parts.get(1));
            } catch (SQLException e) {
                if (!"40P01".equals(e.getSQLState())) {
                    throw e;
                }
                backfillDeadlock = e.getMessage();
            }
            long backfilled = System.nanoTime();
            Thread.sleep(300);
            stop.set(true);
            old.join(30_000);
            fresh.join(30_000);
            racing = System.nanoTime() - racing;
            String versions = c.versions(s);
            long again = System.nanoTime();
            s.run(s.statements("2"));
            long rerun = System.nanoTime() - again;
            LOG.info("{}: expand {} ms, backfill of {} rows {} ms, run after the finished backfill {} ms;"
                    + " writes {} old / {} new, {} before the new columns existed, deadlocks {}", c,
                    ms(expanded - started), ROWS, ms(backfilled - expanded), ms(rerun), old.written, fresh.written,
                    fresh.missingColumn, old.deadlocks.get() + fresh.deadlocks.get());
            long broken = c.broken(s);
            RACES.add(new RacingFigures.Race(c.name(), ms(racing), ROWS, old.written.get(),
                    fresh.written.get(), fresh.missingColumn.get() + old.missingColumn.get(),
                    old.deadlocks.get() + fresh.deadlocks.get() + (backfillDeadlock == null ? 0 : 1),
                    old.conflicts.get() + fresh.conflicts.get(), old.serialization.get() + fresh.serialization.get(),
                    broken));
            assertThat(backfillDeadlock).as("a deadlock between the backfill and a writer").isNull();
            assertThat(old.failures).isEmpty();
            assertThat(fresh.failures).isEmpty();
            assertThat(old.deadlocks.get() + fresh.deadlocks.get()).as("deadlocks").isZero();
            assertThat(old.written.get()).isPositive();
            assertThat(fresh.written.get()).as("new-shape writes once the columns were there").isPositive();
            assertThat(broken).as("rows out of step").isZero();
            assertThat(c.versions(s)).as("rows written by the run after the finished backfill").isEqualTo(versions);
            assertThat(rerun).as("a finished backfill is not walked again").isLessThan(TimeUnit.SECONDS.toNanos(2));
        }
    }

    /**
     * psql killed while its backfill runs: the server notices the client is gone
     * ({@code client_connection_check_interval}) and stops the orphan, and the next run, started at
     * once, waits for it instead of failing on a lock timeout, then finishes the backfill.
     */
    @Test
    void aRunStartedRightAfterItsPsqlWasKilledWaitsForTheOrphanAndFinishes() throws Exception {
        Psql.assumeInstalled();
        String slow = Files.readString(Path.of("../examples/inventory/src/main/graft/V2__split_inventory_code.yaml"))
                .replace("from: \"substr(inventory_code, 1, 6)\"", "from: \"public.slow_location(inventory_code)\"");
        String function = TransitionCase.INVENTORY + """
                  - sql:
                      up: |
                        CREATE OR REPLACE FUNCTION slow_location(code text) RETURNS text IMMUTABLE LANGUAGE plpgsql
                          AS $$ BEGIN PERFORM pg_sleep(0.001); RETURN substr(code, 1, 6); END $$;
                """;
        try (Scenario s = Scenario.of("killed_psql", function, slow)) {
            s.migrate("1", "flyway_schema_history");
            s.execute(TransitionCase.SPLIT.seed().replace(":rows", "2000"));
            s.generate();
            Process first = Psql.start(s.branch(), s.sqlFile("2"));
            String orphan = null;
            for (int i = 0; i < 200 && orphan == null; i++) {
                Thread.sleep(50);
                List<String> pids = s.query("SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                        + " WHERE l.locktype = 'advisory' AND l.granted AND a.state = 'active' AND a.query LIKE '%backfilled%'");
                orphan = pids.isEmpty() ? null : pids.get(0);
            }
            assertThat(orphan).as("the backfill started; psql: %s", first.isAlive() ? "running"
                    : new String(first.getInputStream().readAllBytes())).isNotNull();
            Thread.sleep(500);
            first.destroyForcibly().waitFor();
            long started = System.nanoTime();
            Psql.run(s.branch(), s.sqlFile("2"));
            LOG.info("run after a killed psql: {} ms (including the whole backfill)", ms(System.nanoTime() - started));
            assertThat(s.query("SELECT count(*) FROM pg_stat_activity WHERE pid = " + orphan)).containsExactly("0");
            assertThat(TransitionCase.SPLIT.broken(s)).isZero();
        }
    }

    @AfterAll
    static void publishFigures() throws java.io.IOException {
        RacingFigures.publish(RACES);
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
