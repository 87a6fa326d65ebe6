package dev.graft.branch.embedded;

import static dev.graft.branch.embedded.TestEngine.engine;
import static dev.graft.branch.testing.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchException;
import dev.graft.branch.BranchInfo;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.Seed;
import dev.graft.branch.testing.Fixtures;
import dev.graft.branch.testing.StandardError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedTest {

    @Test
    void aPlainPgDumpWithCopyBlocksAndMetaCommandsSeedsARoot(@TempDir Path dir) throws Exception {
        Path dump = script(dir, "dump.sql",
                "\\restrict Zx8ekq2",
                "SET statement_timeout = 0;",
                "SELECT pg_catalog.set_config('search_path', '', false);",
                "CREATE TABLE public.city (id integer, name text, note text);",
                "COPY public.city (id, name, note) FROM stdin;",
                "1\tZürich\t$$ not a quote",
                "2\tO'Higgins\t\\N",
                "\\N\t\\N\t\\N",
                "\\.",
                "CREATE FUNCTION public.shout(t text) RETURNS text LANGUAGE sql AS $$ SELECT upper(t) || ';' $$;",
                "\\unrestrict Zx8ekq2");
        try (Branch root = engine().create(BranchSpec.root(unique("dump")).seed(Seed.sqlFile(dump)).build())) {
            assertThat(Fixtures.count(root, "public.city")).isEqualTo(3);
            assertThat(Fixtures.count(root, "pg_tables WHERE tablename = 'graft_seed_history'")).isZero();
        }
    }

    @Test
    void aFailingSeedLeavesNoDatabaseBehindAndNamesTheProblem() {
        String name = unique("badseed");
        assertThatThrownBy(() -> engine().create(BranchSpec.root(name)
                .seed(Seed.sql("CREATE TABLE ok (id int); INSERT INTO missing_table VALUES (1);")).build()))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("missing_table");
        assertThat(engine().get(name)).isEmpty();
        assertThat(engine().list()).extracting(BranchInfo::name).noneMatch(n -> n.startsWith("graft_tmp_"));
    }

    @Test
    void anUnterminatedCopyBlockIsAnErrorNotAHang(@TempDir Path dir) throws Exception {
        Path dump = dir.resolve("cut.sql");
        Files.writeString(dump, "CREATE TABLE t (v int);\nCOPY t (v) FROM stdin;\n1\n2\n");
        String name = unique("cut");
        assertThatThrownBy(() -> engine().create(BranchSpec.root(name).seed(Seed.sqlFile(dump)).build()))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("cut.sql:2: COPY ... FROM stdin has no closing \\. line");
        assertThat(engine().get(name)).isEmpty();
    }

    @Test
    void flywayMigrationsSeedARoot(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__items.sql"), "CREATE TABLE item (id int PRIMARY KEY);");
        Files.writeString(dir.resolve("V2__rows.sql"), "INSERT INTO item SELECT generate_series(1, 5);");
        try (Branch root = engine().create(BranchSpec.root(unique("fly")).seed(Seed.flyway("filesystem:" + dir)).build())) {
            assertThat(Fixtures.count(root, "item")).isEqualTo(5);
            assertThat(Fixtures.count(root, "flyway_schema_history WHERE success")).isEqualTo(2);
        }
    }

    @Test
    void chinookAsPublishedLoadsIntoTheParentAndLeavesTheServersDatabasesAlone() throws Exception {
        // shared/ lies beside the repository's folder, in CI as on a developer's machine
        Path chinook = Stream.of("../../shared", "../shared", "/work/shared")
                .map(shared -> Path.of(shared, "data", "chinook", "Chinook_PostgreSql.sql").toAbsolutePath().normalize())
                .filter(Files::isReadable).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(chinook != null, "the published Chinook script is in shared/data/chinook");
        // a real database of that name on the server: the script's DROP DATABASE must not touch it
        try (Branch existing = engine().create(BranchSpec.root("chinook").ifExists(dev.graft.branch.IfExists.REPLACE)
                .seed(Seed.sql("CREATE TABLE mine (id int); INSERT INTO mine VALUES (7);")).build())) {
            List<String> before = databases(existing);
            String name = unique("chinook-parent");
            String log = StandardError.during(() -> engine().create(BranchSpec.root(name).seed(Seed.sqlFile(chinook)).build()));
            try (Branch parent = engine().get(name).orElseThrow()) {
                List<String> after = new ArrayList<>(databases(existing));
                after.remove(parent.name());
                assertThat(after).containsExactlyInAnyOrderElementsOf(before);
                assertThat(Fixtures.count(existing, "mine")).isEqualTo(1);
                Map<String, Long> rows = Map.ofEntries(Map.entry("album", 347L), Map.entry("artist", 275L),
                        Map.entry("customer", 59L), Map.entry("employee", 8L), Map.entry("genre", 25L),
                        Map.entry("invoice", 412L), Map.entry("invoice_line", 2240L), Map.entry("media_type", 5L),
                        Map.entry("playlist", 18L), Map.entry("playlist_track", 8715L), Map.entry("track", 3503L));
                for (Map.Entry<String, Long> table : rows.entrySet()) {
                    assertThat(Fixtures.count(parent, table.getKey())).as(table.getKey()).isEqualTo(table.getValue());
                }
                assertThat(Fixtures.count(parent, "pg_tables WHERE schemaname = 'public'")).isEqualTo(rows.size());
            }
            assertThat(log).contains(chinook + ":19: skipped \"DROP DATABASE IF EXISTS chinook;\"",
                    chinook + ":25: skipped \"CREATE DATABASE chinook;\"", chinook + ":28: skipped \"\\c chinook;\"");
        }
    }

    @Test
    void roleAndDatabaseStatementsAreSkippedWithWarningsNamingTheirLines(@TempDir Path dir) throws Exception {
        Path script = script(dir, "roles.sql",
                "CREATE ROLE graft_seed_role LOGIN;",
                "ALTER DATABASE production SET work_mem = '8MB';",
                "CREATE TABLE t (id int);",
                "ALTER TABLE t OWNER TO postgres;",
                "INSERT INTO t VALUES (1);");
        String name = unique("roles");
        String log = StandardError.during(() -> engine().create(BranchSpec.root(name).seed(Seed.sqlFile(script)).build()));
        try (Branch root = engine().get(name).orElseThrow()) {
            assertThat(Fixtures.count(root, "t")).isEqualTo(1);
            assertThat(Fixtures.count(root, "pg_roles WHERE rolname = 'graft_seed_role'")).isZero();
        }
        assertThat(log).contains("WARN", script + ":1: skipped \"CREATE ROLE graft_seed_role LOGIN;\"",
                script + ":2: skipped \"ALTER DATABASE production SET work_mem = '8MB';\"");
        assertThat(log).doesNotContain(script + ":3:", script + ":4:");
    }

    /** A script file of these lines, each ended by a line break. */
    private static Path script(Path dir, String name, String... lines) throws java.io.IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private static List<String> databases(Branch any) throws Exception {
        List<String> names = new ArrayList<>();
        try (java.sql.Connection c = any.connect();
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT datname FROM pg_database")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
