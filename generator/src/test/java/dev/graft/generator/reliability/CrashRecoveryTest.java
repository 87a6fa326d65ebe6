package dev.graft.generator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migrations of a split_column and a change_column_type applied by Flyway in a child JVM to
 * a table of 100,000 rows; the child ({@code kill -9}), or in other trials the whole PostgreSQL
 * server, killed at a random point of the backfill (every fifth trial: of the expand, held for up
 * to 2 s by a reader's lock on the table, as a long report would hold it); then a
 * re-run to completion, compared with a clean run: no row lost or different, no failed Flyway
 * history entry, nothing stuck.
 *
 * <p>Trials per build: {@code graft.reliability.clientKills} (24) and
 * {@code graft.reliability.serverKills} (6); the {@code reliability} profile runs more. The seed
 * ({@code graft.reliability.seed}) is printed with every kill delay.
 */
class CrashRecoveryTest {

    private static final long SEED = Long.getLong("graft.reliability.seed", 20261203L);
    private static final int CLIENT_KILLS = Integer.getInteger("graft.reliability.clientKills", 24);
    private static final int SERVER_KILLS = Integer.getInteger("graft.reliability.serverKills", 6);

    private static CrashBench bench;
    private static TableState clean;
    /** From Flyway's start to the first backfill, and from there to the end, in the clean run. */
    private static long expandWindow;
    private static long backfillWindow;

    @BeforeAll
    static void cleanRun() throws Exception {
        bench = CrashBench.start("crash-server");
        Branch branch = bench.branch("crash_clean");
        try (Connection monitor = CrashBench.connect(branch)) {
            ChildRun run = ChildRun.start(branch, bench.migrations());
            assertThat(run.awaitMigrating()).as("the child started: %s", run.output()).isTrue();
            long started = System.currentTimeMillis();
            assertThat(CrashBench.awaitBackfill(monitor, 120_000)).as("a backfill ran").isTrue();
            long backfill = System.currentTimeMillis();
            assertThat(run.waitFor()).as("the clean run: %s", run.output()).isZero();
            assertThat(run.migrated()).isTrue();
            expandWindow = backfill - started;
            backfillWindow = System.currentTimeMillis() - backfill;
            clean = TableState.of(monitor, CrashCatalog.TABLE);
            assertThat(count(monitor, CrashCatalog.BROKEN)).as("rows breaking the mapping in the clean run").isZero();
            assertThat(clean.rows()).hasSize((int) CrashCatalog.ROWS);
            assertThat(StuckState.of(monitor, 10_000)).isEqualTo(new StuckState(0, List.of()));
        }
        bench.delete("crash_clean");
        System.out.printf("crash trials: clean run: %d ms to the first backfill, %d ms from there to the end%n",
                expandWindow, backfillWindow);
    }

    @AfterAll
    static void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void aMigrationWhoseClientIsKilledAtRandomPointsCompletesWhenRunAgain() throws Exception {
        runTrials("client", CLIENT_KILLS, SEED, "reliability-crash-client.md",
                "Client killed (kill -9 of the JVM running Flyway)");
    }

    @Test
    void aMigrationWhoseServerIsKilledAtRandomPointsCompletesWhenRunAgain() throws Exception {
        runTrials("server", SERVER_KILLS, SEED + 1, "reliability-crash-server.md",
                "Server killed (kill -9 of the postmaster and all its processes, then restart)");
    }

    private static void runTrials(String killed, int count, long seed, String file, String title) throws Exception {
        long started = System.currentTimeMillis();
        Random random = new Random(seed);
        List<CrashTrial> trials = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CrashTrial trial = trial(killed, "crash_" + killed + "_" + i, i % 5 == 4, random);
            System.out.println("crash trial " + (i + 1) + "/" + count + ": " + trial);
            trials.add(trial);
        }
        CrashFigures.publish(file, CrashFigures.markdown(title, seed, trials, System.currentTimeMillis() - started));
        assertThat(trials).flatMap(CrashTrial::problems).as("trials that lost, changed or left something").isEmpty();
        assertThat(trials).filteredOn(t -> t.phase().equals("backfill")).as("trials killed during a backfill")
                .hasSizeGreaterThanOrEqualTo(count / 2);
    }

    private static CrashTrial trial(String killed, String name, boolean duringExpand, Random random) throws Exception {
        Branch branch = bench.branch(name);
        long delay;
        String phase;
        try (Connection monitor = CrashBench.connect(branch); Connection blocker = CrashBench.connect(branch)) {
            if (duringExpand) {
                // the expand takes milliseconds: a reader's lock holds its ALTER TABLE (within lock_timeout) to kill it there
                blocker.setAutoCommit(false);
                blocker.createStatement().execute("LOCK TABLE " + CrashCatalog.TABLE + " IN ACCESS SHARE MODE");
            }
            ChildRun run = ChildRun.start(branch, bench.migrations());
            assertThat(run.awaitMigrating()).as("the child started: %s", run.output()).isTrue();
            if (duringExpand) {
                assertThat(CrashBench.awaitExpand(monitor, 60_000)).as("the expand ran: %s", run.output()).isTrue();
                delay = random.nextLong(2_000);
            } else {
                assertThat(CrashBench.awaitBackfill(monitor, 120_000)).as("a backfill ran: %s", run.output()).isTrue();
                delay = random.nextLong(Math.max(1, backfillWindow * 9 / 10));
            }
            Thread.sleep(delay);
            phase = run.alive() ? CrashBench.phase(monitor) : "after the end";
            if (killed.equals("client")) {
                run.kill();
                if (duringExpand) {
                    blocker.rollback();
                }
            } else {
                bench.crashAndRestart(monitor);
                run.waitFor();
            }
        } catch (SQLException e) {
            throw new AssertionError("the monitor lost the server before the kill", e);
        }
        if (killed.equals("server")) {
            branch = bench.get(name).orElseThrow(() -> new AssertionError("the branch vanished in the crash"));
        }
        long rerun = System.currentTimeMillis();
        CrashCatalog.flyway(branch.jdbcUrl(), branch.user(), branch.password(), bench.migrations(), "latest").migrate();
        rerun = System.currentTimeMillis() - rerun;
        try (Connection c = CrashBench.connect(branch)) {
            CrashTrial trial = new CrashTrial(killed, delay, phase, TableState.of(c, CrashCatalog.TABLE).against(clean),
                    count(c, CrashCatalog.BROKEN), StuckState.of(c, 10_000), rerun);
            c.close();
            bench.delete(name);
            return trial;
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
