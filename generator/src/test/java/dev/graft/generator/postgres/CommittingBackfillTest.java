package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.generator.Scenario;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generated SQL backfill commits after every batch: a run killed half-way resumes after its
 * last committed key under stock Flyway, and a writer of a row the backfill has passed waits for
 * one batch at most, where the one-transaction backfill made it wait for the whole walk.
 */
class CommittingBackfillTest {

    private static final Logger LOG = LoggerFactory.getLogger(CommittingBackfillTest.class);
    private static final String MARKER = "SELECT coalesce(obj_description(to_regprocedure('graft_2_inventory_inventory_code_sync()'),"
            + " 'pg_proc'), '')";
    private static final Pattern UP_TO = Pattern.compile("; backfilled up to \\{(\\d+)}$");
    private static final Pattern DONE = Pattern.compile("done, (\\d+) rows walked, (\\d+) by this run, (\\d+) updated");
    /** The backend holding the backfill's advisory lock (its query text is too long for pg_stat_activity). */
    private static final String CLAIMED = "SELECT DISTINCT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
            + " AND pid <> pg_backend_pid()";
    private static final String ROWS = "SELECT id || ':' || concat_ws('|', inventory_code, location_code, batch_number,"
            + " serial_number) FROM inventory ORDER BY id";

    @Test
    void aFlywayRunKilledAfterSomeBatchesResumesAfterItsLastCommittedKey() throws Exception {
        long rows = 100_000;
        try (Scenario s = TransitionCase.SPLIT.scenario("killed_flyway", rows); Scenario clean = s.fork("killed_clean")) {
            clean.migrate("2", "flyway_schema_history");
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> s.migrate("2", "flyway_schema_history"));
            long passed = waitForMarker(s, 20_000);
            List<String> pids = s.query(CLAIMED);
            assertThat(pids).hasSize(1);
            s.execute("SELECT pg_terminate_backend(" + pids.get(0) + ")");
            assertThatThrownBy(() -> run.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(FlywayException.class);
            long committed = key(s.query(MARKER).get(0));
            assertThat(committed).as("the last committed key").isGreaterThanOrEqualTo(passed).isLessThan(rows);
            assertThat(s.query("SELECT count(*) FROM inventory WHERE location_code IS NULL AND id <= " + committed))
                    .as("rows up to the committed key").containsExactly("0");
            assertThat(s.query("SELECT count(*) FROM inventory WHERE location_code IS NULL AND id > " + committed))
                    .as("rows after it").containsExactly(Long.toString(rows - committed));
            // What Flyway 13 records for a non-transactional PostgreSQL migration that failed: nothing,
            // so the next migrate runs the file again, with no repair.
            assertThat(s.query("SELECT count(*) FROM flyway_schema_history WHERE version = '2'")).containsExactly("0");
            List<String> notices = new ArrayList<>();
            try (Connection c = s.connect(); Statement st = c.createStatement()) {
                for (String sql : s.statements("2")) {
                    st.execute(sql);
                    for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                        notices.add(w.getMessage());
                    }
                }
            }
            Matcher done = notices.stream().map(DONE::matcher).filter(Matcher::find).findFirst().orElseThrow();
            LOG.info("killed at key {} of {}; the rerun said: {}", committed, rows, done.group());
            assertThat(Long.parseLong(done.group(1))).as("rows walked in all").isEqualTo(rows);
            assertThat(Long.parseLong(done.group(2))).as("rows walked by the rerun").isEqualTo(rows - committed);
            assertThat(Long.parseLong(done.group(3))).as("rows the rerun updated").isEqualTo(rows - committed);
            s.migrate("2", "flyway_schema_history");
            assertThat(s.query("SELECT success FROM flyway_schema_history WHERE version = '2'")).containsExactly("t");
            assertThat(s.query(MARKER).get(0)).endsWith("; backfilled");
            assertThat(s.query(ROWS)).as("every row as a clean run leaves it").isEqualTo(clean.query(ROWS));
            assertThat(s.schema()).isEqualTo(clean.schema());
        }
    }

    @Test
    void aWriterOfARowTheBackfillPassedWaitsForOneBatchAtMost() throws Exception {
        long rows = 200_000;
        try (Scenario s = TransitionCase.SPLIT.scenario("writer_wait", rows); Scenario old = s.fork("writer_wait_old")) {
            List<List<String>> parts = TransitionTriggerTest.splitAtBackfill(s);
            s.run(parts.get(0));
            old.run(parts.get(0));
            Timing committing = race(s, parts.get(1), false);
            // The same walk without its commits, in one transaction: what Flyway ran before.
            List<String> single = parts.get(1).stream().map(TransitionTriggerTest::withoutCommits).toList();
            Timing oneTransaction = race(old, single, true);
            LOG.info("{} rows: the writer waited {} ms while batches commit (backfill {} ms), {} ms behind the"
                    + " one-transaction backfill (backfill {} ms)", rows, committing.waitedMs(), committing.backfillMs(),
                    oneTransaction.waitedMs(), oneTransaction.backfillMs());
            // the backfill's thread may note its end a moment after the writer it released notes its own
            assertThat(oneTransaction.writerDone()).as("the writer behind one transaction ends after its commit is sent")
                    .isGreaterThanOrEqualTo(oneTransaction.commitSent());
            assertThat(committing.writerDone()).as("the writer ends while the backfill still runs")
                    .isLessThan(committing.backfillDone());
            assertThat(committing.waitedMs()).isLessThan(500).isLessThan(oneTransaction.waitedMs() / 4);
            assertThat(TransitionCase.SPLIT.broken(s)).isZero();
            assertThat(s.query("SELECT inventory_code || location_code FROM inventory WHERE id = 500"))
                    .containsExactly("WRT001B00001SN00000500WRT001");
        }
    }

    /** When the writer and the backfill ended (nanoTime) and how long the writer's UPDATE took. */
    private record Timing(long writerDone, long commitSent, long backfillDone, long waitedMs, long backfillMs) { }

    private static Timing race(Scenario s, List<String> backfill, boolean inTransaction) throws Exception {
        long started = System.nanoTime();
        java.util.concurrent.atomic.AtomicLong commitSent = new java.util.concurrent.atomic.AtomicLong();
        CompletableFuture<Long> run = CompletableFuture.supplyAsync(() -> {
            try (Connection c = s.connect(); Statement st = c.createStatement()) {
                c.setAutoCommit(!inTransaction);
                for (String sql : backfill) {
                    st.execute(sql);
                }
                commitSent.set(System.nanoTime());
                if (inTransaction) {
                    c.commit();
                }
                return System.nanoTime();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        // Row 500 is in the first batch: passed once the walk is well under way.
        waitUntilRunning(s, started);
        Thread.sleep(300);
        long write = System.nanoTime();
        s.execute("UPDATE inventory SET inventory_code = 'WRT001B00001SN00000500' WHERE id = 500");
        long written = System.nanoTime();
        long done = run.get(120, TimeUnit.SECONDS);
        return new Timing(written, commitSent.get(), done, TimeUnit.NANOSECONDS.toMillis(written - write),
                TimeUnit.NANOSECONDS.toMillis(done - started));
    }

    /** Waits until the backfill has claimed its run. */
    private static void waitUntilRunning(Scenario s, long started) throws Exception {
        while (s.query(CLAIMED).isEmpty()) {
            assertThat(System.nanoTime() - started).as("the backfill started").isLessThan(TimeUnit.SECONDS.toNanos(30));
            Thread.sleep(10);
        }
    }

    /** Waits until the marker records a key of at least {@code key}; returns that key. */
    private static long waitForMarker(Scenario s, long key) throws Exception {
        long started = System.nanoTime();
        while (true) {
            long at = key(s.query(MARKER).get(0));
            if (at >= key) {
                return at;
            }
            assertThat(System.nanoTime() - started).as("batches committed").isLessThan(TimeUnit.SECONDS.toNanos(60));
            Thread.sleep(5);
        }
    }

    private static long key(String comment) {
        Matcher m = UP_TO.matcher(comment);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
