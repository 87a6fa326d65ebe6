package dev.graft.verifier.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.Seed;
import dev.graft.verifier.TestEngine;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which tables a run on a branch wrote, told by PostgreSQL's counts and table files alone. */
class TableWritesTest {

    private static Branch parent;
    private static Map<String, UserTable> parentMarks;

    @BeforeAll
    static void seed() throws SQLException {
        parent = TestEngine.root("table-writes", Seed.sql("""
                CREATE TABLE kept (id int PRIMARY KEY, v text);
                CREATE TABLE touched (id int PRIMARY KEY, v text);
                CREATE TABLE emptied (id int PRIMARY KEY);
                CREATE TABLE retyped (id int PRIMARY KEY, v int);
                CREATE TABLE dropped (id int);
                CREATE TABLE "Odd Name" (id int);
                INSERT INTO kept SELECT g, 'k' || g FROM generate_series(1, 100) g;
                INSERT INTO touched SELECT g, 't' || g FROM generate_series(1, 100) g;
                INSERT INTO emptied SELECT generate_series(1, 10);
                INSERT INTO retyped SELECT g, g FROM generate_series(1, 10) g;
                """));
        try (Connection c = parent.connect()) {
            parentMarks = TableWrites.copied(TableWrites.marks(c));
        }
    }

    @AfterAll
    static void drop() {
        parent.close();
    }

    private static Set<String> writtenAfter(String sql) throws SQLException {
        try (Branch branch = TestEngine.get().create(BranchSpec.of("table-writes-run").parent(parent.name()).build())) {
            // Written on one connection and closed, as a migration run leaves it.
            try (Connection c = branch.connect(); Statement s = c.createStatement()) {
                s.execute(sql);
            }
            try (Connection c = branch.connect()) {
                return TableWrites.since(c, parentMarks);
            }
        }
    }

    @Test
    void aFreshBranchHasWrittenNothing() throws SQLException {
        assertThat(writtenAfter("SELECT count(*) FROM kept")).isEmpty();
    }

    @Test
    void rowWritesAreCountedPerTable() throws SQLException {
        assertThat(writtenAfter("UPDATE touched SET v = v || '!' WHERE id = 7")).containsExactly("public.touched");
        assertThat(writtenAfter("INSERT INTO \"Odd Name\" VALUES (1)")).containsExactly("public.Odd Name");
        assertThat(writtenAfter("DELETE FROM touched WHERE id > 90")).containsExactly("public.touched");
    }

    @Test
    void aWriteThatChangesNoRowIsNotAWrite() throws SQLException {
        assertThat(writtenAfter("UPDATE touched SET v = 'x' WHERE id < 0")).isEmpty();
    }

    @Test
    void truncateAndRewritesAreSeenByTheirNewFile() throws SQLException {
        assertThat(writtenAfter("TRUNCATE emptied")).containsExactly("public.emptied");
        assertThat(writtenAfter("ALTER TABLE retyped ALTER COLUMN v TYPE bigint")).containsExactly("public.retyped");
    }

    @Test
    void createdAndDroppedTablesCount() throws SQLException {
        assertThat(writtenAfter("CREATE TABLE fresh (id int); DROP TABLE dropped"))
                .containsExactlyInAnyOrder("public.fresh", "public.dropped");
    }

    @Test
    void marksOfTheSameDatabaseTellLaterWritesFromEarlierOnes() throws SQLException {
        try (Branch branch = TestEngine.get().create(BranchSpec.of("table-writes-marks").parent(parent.name()).build())) {
            try (Connection c = branch.connect(); Statement s = c.createStatement()) {
                s.execute("UPDATE touched SET v = 'once' WHERE id = 1");
            }
            Map<String, UserTable> marks;
            try (Connection c = branch.connect()) {
                marks = TableWrites.marks(c);
            }
            assertThat(marks.get("public.touched").writes()).isEqualTo(1);
            try (Connection c = branch.connect(); Statement s = c.createStatement()) {
                s.execute("UPDATE kept SET v = 'later' WHERE id = 1");
            }
            try (Connection c = branch.connect()) {
                assertThat(TableWrites.since(c, marks)).containsExactly("public.kept");
            }
        }
    }

    @Test
    void writesOfAnotherSessionStillOpenAreNotMissed() throws SQLException {
        try (Branch branch = TestEngine.get().create(BranchSpec.of("table-writes-open").parent(parent.name()).build());
             Connection writer = branch.connect(); Statement s = writer.createStatement()) {
            s.execute("UPDATE kept SET v = 'changed' WHERE id = 1");
            // The writer stays connected: its counts may not be reported yet, so the answer is every table.
            Thread closer = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    writer.close();
                } catch (InterruptedException | SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            closer.start();
            try (Connection c = branch.connect()) {
                assertThat(TableWrites.since(c, parentMarks)).containsExactly("public.kept");
            }
        }
    }
}
