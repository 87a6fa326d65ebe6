package dev.graft.benchmarks.online;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import dev.graft.branch.embedded.EmbeddedConfig;
import dev.graft.branch.embedded.EmbeddedEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The online benchmark end to end on a real embedded PostgreSQL at a few thousand rows, so the
 * harness cannot rot between full runs: every part measures something, the trigger is there and
 * fires, every workload statement completes, and the workload sees a writer that a lock holds up.
 */
class OnlineHarnessTest {

    private static final Path WORK = Path.of("target", "online-test").toAbsolutePath();
    private static EmbeddedEngine engine;

    @BeforeAll
    static void startServer() {
        engine = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(WORK.resolve("pgdata")).build());
    }

    @AfterAll
    static void stopServer() {
        engine.stopServer();
    }

    private static OnlineSettings small() {
        return new OnlineSettings(List.of(3_000L), 2_000, 2, 50, 0.5, 0.5, Path.of("..", "examples").toAbsolutePath(),
                WORK);
    }

    @Test
    void everyPartMeasuresRealWorkOnASmallTable() throws Exception {
        OnlineSettings settings = small();
        TriggerOverhead.Result overhead = TriggerOverhead.measure(engine, settings);
        assertThat(overhead.triggerInstalled()).as("transition trigger installed").isTrue();
        assertThat(overhead.updatesWithout()).isPositive();
        assertThat(overhead.updatesWith()).isPositive();
        assertThat(overhead.insertsWithout()).isPositive();
        assertThat(overhead.insertsWith()).isPositive();
        assertThat(overhead.insertsWithTrigger()).as("rows inserted through the old shape").isPositive();
        assertThat(overhead.insertsSynced()).as("inserted rows the trigger gave the new shape")
                .isEqualTo(overhead.insertsWithTrigger());
        assertThat(overhead.errors()).isZero();

        List<BackfillComparison.Run> runs = BackfillComparison.measure(engine, settings, 3_000);
        assertThat(runs).extracting(r -> r.refactoring().label + " " + r.way()).containsExactly(
                "split_column Graft", "split_column naive", "change_column_type Graft", "change_column_type naive");
        for (BackfillComparison.Run run : runs) {
            assertThat(run.rowsPerSecond()).as(run.way() + " " + run.refactoring().label).isPositive();
            assertThat(run.during().statements()).as("writer statements during " + run.way()).isPositive();
            assertThat(run.during().errors()).as("failed writer statements: " + run.during().firstErrors()).isZero();
            assertThat(run.during().maxMillis()).isGreaterThanOrEqualTo(run.during().p99Millis());
        }
        assertThat(runs.get(0).unfilled()).as("rows Graft's split left without the new shape").isZero();
        assertThat(runs.get(0).shape()).isNotBlank();

        List<InventoryUnderLoad.Phase> phases = InventoryUnderLoad.measure(engine, settings);
        assertThat(phases).extracting(InventoryUnderLoad.Phase::phase).startsWith("before", "V2__split_inventory_code")
                .contains("V3__complete_split", "V8__city_varchar");
        for (InventoryUnderLoad.Phase phase : phases) {
            assertThat(phase.workload().statements()).as(phase.phase()).isPositive();
            assertThat(phase.workload().errors()).as(phase.phase() + ": " + phase.workload().firstErrors()).isZero();
        }

        String page = OnlinePage.render(new OnlineBenchmark.Results(new OnlineBenchmark.Environment("today", 2,
                "0 / 0 / 0", "0 / 0 / 0", "18", 1), overhead, runs, phases), settings);
        assertThat(page).contains("| UPDATE by key |", "| 3,000 | split_column | Graft |", "| V8__city_varchar |",
                OnlinePage.COMMAND);
    }

    @Test
    void aWriterHeldUpByALockShowsAsTheLongestWaitAndAFreeOneDoesNot() throws Exception {
        try (Branch branch = engine.create(BranchSpec.root("online_lock_probe").ifExists(IfExists.REPLACE)
                .seed(Seed.sql(BenchCatalogs.plainTable() + ";" + BenchCatalogs.fill(100))).build())) {
            Workload free = Workload.start(branch.dataSource(), 2, 50, "UPDATE inventory SET qty = ? WHERE id = ?",
                    Workload.updateOfKey(100, (key, random) -> 1));
            Progress.sleep(0.5);
            LatencySummary unblocked = free.stop();

            Workload held = Workload.start(branch.dataSource(), 2, 50, "UPDATE inventory SET qty = ? WHERE id = ?",
                    Workload.updateOfKey(100, (key, random) -> 1));
            try (Connection locker = branch.connect(); Statement s = locker.createStatement()) {
                locker.setAutoCommit(false);
                s.execute("LOCK TABLE inventory IN EXCLUSIVE MODE");
                Progress.sleep(0.6);
                locker.commit();
            }
            Progress.sleep(0.2);
            LatencySummary blocked = held.stop();

            assertThat(unblocked.statements()).isPositive();
            assertThat(unblocked.errors()).isZero();
            assertThat(unblocked.maxMillis()).as("no lock held").isLessThan(500);
            assertThat(blocked.errors()).isZero();
            assertThat(blocked.maxMillis()).as("a writer waited behind the 600 ms lock").isGreaterThanOrEqualTo(500);
        }
    }
}
