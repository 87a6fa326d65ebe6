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
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedTest {

    @Test
    void aPlainPgDumpWithCopyBlocksAndMetaCommandsSeedsARoot(@TempDir Path dir) throws Exception {
        Path dump = dir.resolve("dump.sql");
        Files.writeString(dump, String.join("\n",
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
                "\\unrestrict Zx8ekq2",
                ""));
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
}
