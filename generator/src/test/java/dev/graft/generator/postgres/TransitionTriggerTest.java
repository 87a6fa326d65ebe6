package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.generator.Psql;
import dev.graft.generator.Scenario;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What every trigger-based transition shares (issue #25), on each of them: writes to rows the
 * backfill has not reached, writes before the backfill, a second run, a run while another still
 * holds the backfill. The expand is run statement by statement in autocommit, as {@code psql -f}
 * runs it, and stopped just before its backfill: the rows are then exactly as a writer finds them
 * while a backfill walks towards them.
 */
class TransitionTriggerTest {

    static final List<TransitionCase> CASES = TransitionCase.ALL;

    /** Row 2 after {@code newWrite(2)}, row 3 after {@code oldWrite(3)}, both on rows not backfilled yet. */
    private static final Map<String, List<String>> WRITTEN = Map.of(
            "split_column", List.of("NEW002B00002SN00000002|NEW002|B00002|SN00000002",
                    "OLD001B00001SN00000003|OLD001|B00001|SN00000003"),
            "merge_columns", List.of("New2|Name2|New2 Name2", "First3|Old3|First3 Old3"),
            "rename_column", List.of("new2@example.com|new2@example.com", "old3@example.com|old3@example.com"),
            "change_column_type", List.of("2000002|2000002", "1000003|1000003"),
            "add_column_from", List.of("0.02|5000002", "0.03|3"));

    /** The statements before the backfill, and the backfill with everything after it. */
    static List<List<String>> splitAtBackfill(Scenario s) {
        List<String> statements = s.statements("2");
        int backfill = 0;
        while (!statements.get(backfill).contains("WITH graft_batch AS")) {
            backfill++;
        }
        return List.of(statements.subList(0, backfill), statements.subList(backfill, statements.size()));
    }

    /** A backfill block without its commits: the walk in one transaction, as before batches committed. */
    static String withoutCommits(String backfill) {
        return backfill.replace("    COMMIT;\n", "").replace("  COMMIT;\n", "");
    }

    @ParameterizedTest
    @FieldSource("CASES")
    void writesToRowsTheBackfillHasNotReachedKeepEveryValue(TransitionCase c) throws Exception {
        try (Scenario s = c.scenario("unreached", 4)) {
            List<List<String>> parts = splitAtBackfill(s);
            s.run(parts.get(0));
            s.execute(c.newWrite().apply(2));
            s.execute(c.oldWrite().apply(3));
            assertThat(List.of(c.row(s, 2), c.row(s, 3))).isEqualTo(WRITTEN.get(c.name()));
            s.run(parts.get(1));
            assertThat(List.of(c.row(s, 2), c.row(s, 3))).as("after the backfill").isEqualTo(WRITTEN.get(c.name()));
            assertThat(c.broken(s)).isZero();
            List<String> data = s.data();
            s.run(s.statements("2"));
            assertThat(s.data()).as("after running the file again").isEqualTo(data);
        }
    }

    /** The first case, exactly: one part of the new shape written; the others and the old shape stay. */
    @Test
    void aPartialSplitWriteCombinesWithTheRowsValues() throws Exception {
        try (Scenario s = TransitionCase.SPLIT.scenario("partial", 3)) {
            s.execute("INSERT INTO inventory VALUES (999990, 'AMS001B24001SN00000001')");
            s.run(splitAtBackfill(s).get(0));
            s.execute("UPDATE inventory SET location_code = 'RTM010' WHERE id = 999990");
            s.execute("UPDATE inventory SET batch_number = 'B99999', serial_number = 'SN99999999' WHERE id = 1");
            s.execute("UPDATE inventory SET inventory_code = inventory_code WHERE id = 2");
            s.run(splitAtBackfill(s).get(1));
            assertThat(s.query("SELECT id || ':' || concat_ws('|', inventory_code, location_code, batch_number,"
                    + " serial_number) FROM inventory ORDER BY id")).containsExactly(
                    "1:L00001B99999SN99999999|L00001|B99999|SN99999999",
                    "2:L00002B00002SN00000002|L00002|B00002|SN00000002",
                    "3:L00003B00003SN00000003|L00003|B00003|SN00000003",
                    "999990:RTM010B24001SN00000001|RTM010|B24001|SN00000001");
        }
    }

    /**
     * The second case: rows written through the new shape alone before the backfill keep
     * what the writer set, even where the old shape cannot hold it (a part left NULL makes the
     * combined code NULL, and the backfill used to split that NULL over the writer's parts).
     */
    @ParameterizedTest
    @FieldSource("CASES")
    void newShapeInsertsBeforeTheBackfillAreSyncedAndKept(TransitionCase c) throws Exception {
        try (Scenario s = c.scenario("inserted", 2)) {
            List<List<String>> parts = splitAtBackfill(s);
            s.run(parts.get(0));
            s.execute(c.newInsert().apply(100));
            s.execute(c.oldInsert().apply(101));
            String inserted = c.row(s, 100);
            String old = c.row(s, 101);
            if (c == TransitionCase.SPLIT) {
                s.execute("INSERT INTO inventory (id, location_code, serial_number) VALUES (102, 'RTM010', 'SN00000102')");
            }
            s.run(parts.get(1));
            assertThat(c.row(s, 100)).isEqualTo(inserted);
            assertThat(c.row(s, 101)).isEqualTo(old);
            if (c == TransitionCase.SPLIT) {
                assertThat(s.query("SELECT concat_ws('|', coalesce(inventory_code, '-'), location_code, coalesce(batch_number,"
                        + " '-'), serial_number) FROM inventory WHERE id = 102")).containsExactly("-|RTM010|-|SN00000102");
                s.execute("DELETE FROM inventory WHERE id = 102");
            }
            assertThat(c.broken(s)).isZero();
        }
    }

    /** A finished backfill is marked done: a second run neither reads the table nor writes a row of it. */
    @ParameterizedTest
    @FieldSource("CASES")
    void aRunAfterAFinishedBackfillNeitherScansNorRewritesTheTable(TransitionCase c) throws Exception {
        try (Scenario s = c.scenario("rerun", 2000)) {
            s.run(s.statements("2"));
            assertThat(c.broken(s)).isZero();
            String versions = c.versions(s);
            assertThat(c.scans(s, s.statements("2"))).as("scans of the table by a second run").isZero();
            s.run(s.statements("2"));
            assertThat(c.versions(s)).isEqualTo(versions);
            s.migrateAgain("1", "2");
            assertThat(c.versions(s)).as("after Flyway ran the file again").isEqualTo(versions);
        }
    }

    /** Without the marker (a run stopped between its last batch and its end) a run still rewrites nothing done. */
    @Test
    void withoutItsDoneMarkerABackfillStillSkipsSyncedRows() throws Exception {
        TransitionCase c = TransitionCase.SPLIT;
        try (Scenario s = c.scenario("unmarked", 500)) {
            s.run(s.statements("2"));
            s.execute("COMMENT ON FUNCTION graft_2_inventory_inventory_code_sync() IS"
                    + " 'graft: generated from V2__step_2.yaml; removed by its contract'");
            s.execute("SELECT set_config('graft.backfill', '2:public.inventory', false);"
                    + " UPDATE inventory SET location_code = NULL, batch_number = NULL, serial_number = NULL WHERE id = 7");
            String versions = c.versions(s);
            s.run(s.statements("2"));
            assertThat(c.broken(s)).isZero();
            assertThat(c.versions(s)).as("only row 7 was written").isNotEqualTo(versions);
            assertThat(s.query("SELECT count(*) FROM inventory WHERE xmin = (SELECT xmin FROM inventory WHERE id = 7)"))
                    .containsExactly("1");
        }
    }

    /**
     * A run whose client went away keeps its backfill running on the server. The next run waits
     * for it (lock_timeout), then says which backend holds it, before any ALTER waits on its locks.
     */
    @ParameterizedTest
    @FieldSource("CASES")
    void aRunWhileAnotherStillHoldsTheBackfillSaysWhichBackend(TransitionCase c) throws Exception {
        try (Scenario s = c.scenario("orphan", 50); Connection orphan = s.connect()) {
            List<List<String>> parts = splitAtBackfill(s);
            s.run(parts.get(0));
            orphan.setAutoCommit(false);
            String pid;
            try (Statement st = orphan.createStatement()) {
                // The backfill as it is while it runs: its claim and its batch's row locks held.
                st.execute(withoutCommits(parts.get(1).get(0)).replaceAll("  PERFORM pg_catalog.pg_advisory_unlock\\(-?\\d+\\);\n", ""));
                pid = dev.graft.generator.Snapshot.query(orphan, "SELECT pg_backend_pid()").get(0);
            }
            assertThatThrownBy(() -> s.run(s.statements("2"))).isInstanceOf(SQLException.class)
                    .hasMessageContaining("is still running in backend " + pid)
                    .hasMessageContaining("pg_cancel_backend(" + pid + ")")
                    .hasMessageNotContaining("canceling statement due to lock timeout");
            s.execute("SELECT pg_terminate_backend(" + pid + ")");
            s.run(s.statements("2"));
            assertThat(c.broken(s)).isZero();
        }
    }

    /** Each file twice through psql -f, on rows of the old shape: in sync after the first, unchanged by the second. */
    @ParameterizedTest
    @FieldSource("CASES")
    void psqlRunsTheExpandTwice(TransitionCase c) throws Exception {
        Psql.assumeInstalled();
        try (Scenario s = c.scenario("psql", 300)) {
            s.generate();
            Psql.run(s.branch(), s.sqlFile("2"));
            assertThat(c.broken(s)).isZero();
            List<String> schema = s.schema();
            String versions = c.versions(s);
            Psql.run(s.branch(), s.sqlFile("2"));
            assertThat(s.schema()).isEqualTo(schema);
            assertThat(c.versions(s)).isEqualTo(versions);
        }
    }
}
