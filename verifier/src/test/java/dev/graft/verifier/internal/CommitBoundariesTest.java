package dev.graft.verifier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import dev.graft.verifier.TestEngine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Commit boundaries of Java backfills on real branches: counted exactly, a crash simulated after
 * each one, the restart converging for a guarded backfill and not for an unguarded one.
 */
class CommitBoundariesTest {

    private static final FlywayRunner GUARDED = new FlywayRunner(List.of("classpath:db/prices", "classpath:db/batched"));
    private static final FlywayRunner UNGUARDED = new FlywayRunner(List.of("classpath:db/prices", "classpath:db/doubling"));
    /** {@code V2__Double_prices_in_batches}: the DDL, four batches, the empty batch, the index. */
    private static final int GUARDED_BOUNDARIES = 7;
    /** {@code V2__Double_prices_unguarded}: four batches and the empty batch. */
    private static final int UNGUARDED_BOUNDARIES = 5;

    private static Branch guardedAtV1;
    private static Branch unguardedAtV1;

    @BeforeAll
    static void seed() {
        guardedAtV1 = TestEngine.root("commits-guarded", Seed.none());
        GUARDED.migrate(guardedAtV1.dataSource(), "1");
        unguardedAtV1 = TestEngine.root("commits-unguarded", Seed.none());
        UNGUARDED.migrate(unguardedAtV1.dataSource(), "1");
    }

    @AfterAll
    static void drop() {
        guardedAtV1.close();
        unguardedAtV1.close();
    }

    private static Branch copy(Branch parent, String name) {
        return TestEngine.get().create(BranchSpec.of(name).parent(parent.name()).ifExists(IfExists.REPLACE).build());
    }

    /** {@code id:amount:doubled} per price, doubled only for the first {@code done} ids. */
    private static List<String> doubledUpTo(int done) {
        return IntStream.rangeClosed(1, 10)
                .mapToObj(id -> id + ":" + id * 10 + ":" + (id <= done ? String.valueOf(id * 20) : "null")).toList();
    }

    private static List<String> rows(Branch branch, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = branch.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? ":" : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static List<String> prices(Branch branch) throws SQLException {
        return rows(branch, "SELECT id, amount, doubled FROM price ORDER BY id");
    }

    private static List<String> amounts(Branch branch) throws SQLException {
        return rows(branch, "SELECT id, amount FROM price ORDER BY id");
    }

    private static List<String> history(Branch branch) throws SQLException {
        return rows(branch, "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank");
    }

    private static boolean hasIndex(Branch branch) throws SQLException {
        return rows(branch, "SELECT to_regclass('price_doubled') IS NOT NULL").equals(List.of("t"));
    }

    private static void execute(Branch branch, String sql) throws SQLException {
        try (Connection connection = branch.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void aBatchedBackfillCommitsOnceForTheDdlEachBatchTheEndOfTheWalkAndTheIndex() throws Exception {
        try (Branch branch = copy(guardedAtV1, "commits-guarded-count")) {
            assertThat(GUARDED.migrateCountingCommits(branch.dataSource(), "2")).isEqualTo(GUARDED_BOUNDARIES);

            assertThat(prices(branch)).isEqualTo(doubledUpTo(10));
            assertThat(hasIndex(branch)).isTrue();
            assertThat(history(branch)).containsExactly("1:t", "2:t");
        }
    }

    @Test
    void interruptedAfterEveryCommitTheRestartConvergesToTheCleanRun() throws Exception {
        // after the DDL nothing is doubled; then three rows a batch; the end of the walk and the index add no rows
        int[] doneAfter = {0, 0, 3, 6, 9, 10, 10, 10};
        for (int k = 1; k <= GUARDED_BOUNDARIES; k++) {
            try (Branch branch = copy(guardedAtV1, "commits-guarded-k" + k)) {
                assertThat(GUARDED.migrateInterruptedAfter(branch.dataSource(), "2", k)).as("k = %d", k).isTrue();

                assertThat(prices(branch)).as("k = %d", k).isEqualTo(doubledUpTo(doneAfter[k]));
                assertThat(hasIndex(branch)).as("k = %d", k).isEqualTo(k == GUARDED_BOUNDARIES);
                assertThat(history(branch)).as("k = %d", k).containsExactly("1:t");

                GUARDED.migrate(branch.dataSource(), "2");

                assertThat(prices(branch)).as("k = %d", k).isEqualTo(doubledUpTo(10));
                assertThat(hasIndex(branch)).isTrue();
                assertThat(history(branch)).as("k = %d", k).containsExactly("1:t", "2:t");
            }
        }
    }

    @Test
    void askedToStopAfterOneCommitMoreThanItMakesTheMigrationFinishes() throws Exception {
        try (Branch branch = copy(guardedAtV1, "commits-guarded-beyond")) {
            assertThat(GUARDED.migrateInterruptedAfter(branch.dataSource(), "2", GUARDED_BOUNDARIES + 1)).isFalse();

            assertThat(prices(branch)).isEqualTo(doubledUpTo(10));
            assertThat(history(branch)).containsExactly("1:t", "2:t");
        }
    }

    @Test
    void aForgottenMigrationRunsASecondTime() throws Exception {
        try (Branch branch = copy(guardedAtV1, "commits-guarded-forget")) {
            GUARDED.migrate(branch.dataSource(), "2");
            // drift only a second run repairs
            execute(branch, "UPDATE price SET doubled = NULL WHERE id = 5");

            GUARDED.forget(branch.dataSource(), "2");
            assertThat(history(branch)).containsExactly("1:t");
            assertThat(GUARDED.migrateCountingCommits(branch.dataSource(), "2")).isEqualTo(GUARDED_BOUNDARIES);

            assertThat(prices(branch)).isEqualTo(doubledUpTo(10));
            assertThat(history(branch)).containsExactly("1:t", "2:t");
        }
    }

    @Test
    void anUnguardedBackfillRestartedAfterAnyCommitDiffersFromTheCleanRun() throws Exception {
        List<String> clean;
        try (Branch branch = copy(unguardedAtV1, "commits-unguarded-clean")) {
            assertThat(UNGUARDED.migrateCountingCommits(branch.dataSource(), "2")).isEqualTo(UNGUARDED_BOUNDARIES);
            clean = amounts(branch);
        }
        assertThat(clean).isEqualTo(IntStream.rangeClosed(1, 10).mapToObj(id -> id + ":" + id * 20).toList());

        for (int k = 1; k <= UNGUARDED_BOUNDARIES; k++) {
            try (Branch branch = copy(unguardedAtV1, "commits-unguarded-k" + k)) {
                assertThat(UNGUARDED.migrateInterruptedAfter(branch.dataSource(), "2", k)).as("k = %d", k).isTrue();
                UNGUARDED.migrate(branch.dataSource(), "2");

                assertThat(amounts(branch)).as("k = %d", k).isNotEqualTo(clean);
                if (k == 2) {
                    // the first two batches were doubled before the crash and again after it
                    assertThat(amounts(branch)).isEqualTo(IntStream.rangeClosed(1, 10)
                            .mapToObj(id -> id + ":" + id * (id <= 6 ? 40 : 20)).toList());
                }
            }
        }
    }

    @Test
    void theInterruptionIsAnSqlExceptionAfterTheCommitHappened() throws Exception {
        try (Branch branch = copy(guardedAtV1, "commits-guarded-message")) {
            CommitCountingDataSource counted = new CommitCountingDataSource(branch.dataSource(), 2);
            Flyway flyway = Flyway.configure().dataSource(counted).locations("classpath:db/prices", "classpath:db/batched")
                    .callbacks(counted.watching("2")).target("2").load();

            assertThatThrownBy(flyway::migrate).isInstanceOf(FlywayException.class)
                    .hasRootCauseInstanceOf(SQLException.class).hasRootCauseMessage("interrupted by graft after commit 2");
            assertThat(counted.interrupted()).isTrue();
            assertThat(counted.boundaries()).isEqualTo(2);
            assertThat(prices(branch)).isEqualTo(doubledUpTo(3));
            // Flyway 13 records no failed run on PostgreSQL: nothing is left for the restart to trip on
            assertThat(history(branch)).containsExactly("1:t");
        }
    }

    @Test
    void aFailureOtherThanTheInterruptionPropagates() throws Exception {
        try (Branch branch = copy(guardedAtV1, "commits-guarded-failure")) {
            execute(branch, "DROP TABLE price");

            assertThatThrownBy(() -> GUARDED.migrateInterruptedAfter(branch.dataSource(), "2", 3))
                    .isInstanceOf(FlywayException.class).hasStackTraceContaining("relation \"price\" does not exist");
        }
    }

    @Test
    void onlyAPendingMigrationCanBeCountedAndOnlyAnAppliedOneForgotten() throws Exception {
        try (Branch branch = copy(guardedAtV1, "commits-guarded-refused")) {
            assertThatThrownBy(() -> GUARDED.forget(branch.dataSource(), "2"))
                    .isInstanceOf(IllegalStateException.class).hasMessage("migration 2 is not in the schema history");
            GUARDED.migrate(branch.dataSource(), "2");
            assertThatThrownBy(() -> GUARDED.migrateCountingCommits(branch.dataSource(), "2"))
                    .isInstanceOf(IllegalStateException.class).hasMessage("migration 2 is not pending");
            assertThat(history(branch)).containsExactly("1:t", "2:t");
        }
    }
}
