package dev.graft.branch.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.branch.Branch;
import dev.graft.branch.embedded.EmbeddedConfig;
import dev.graft.branch.embedded.EmbeddedEngine;
import dev.graft.branch.testing.Fixtures;
import dev.graft.branch.testing.StandardError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A script runs in chunks, one after the other in one session: a long seed tells how far it is,
 * through SLF4J at INFO and no more often than asked, and a failure names the whole script's line.
 */
class ChunkedSeedTest {

    private static final String SCRIPT = "CREATE TABLE t (id int);\n" + IntStream.rangeClosed(1, 20)
            .mapToObj(i -> "INSERT INTO t VALUES (" + i + ");").collect(Collectors.joining("\n")) + "\n";

    private static EmbeddedEngine engine() {
        return EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(Path.of("target", "graft", "test-postgres")).build());
    }

    @Test
    void eachChunkReportsStatementsAndBytesDoneWhenReportsMayComeOften() throws Exception {
        try (Branch root = Fixtures.seededParent(engine(), "progress")) {
            String log = StandardError.during(() -> Seeder.runScript(SCRIPT, "big.sql", root.jdbcUrl(), root.user(),
                    root.password(), 100, Duration.ZERO));
            assertThat(Fixtures.count(root, "t")).isEqualTo(20);
            assertThat(log.lines().filter(l -> l.contains("INFO") && l.contains("seeding from big.sql:")).count())
                    .isGreaterThanOrEqualTo(5);
            assertThat(log).containsPattern("seeding from big.sql: 21 of 21 statements, 0.0 of 0.0 MB, \\d+ s,"
                    + " \\d+[.,]\\d MB/s");
        }
    }

    @Test
    void aSeedFasterThanTheIntervalReportsNothing() throws Exception {
        try (Branch root = Fixtures.seededParent(engine(), "quiet")) {
            String log = StandardError.during(() -> Seeder.runScript(SCRIPT, "small.sql", root.jdbcUrl(), root.user(),
                    root.password(), 100, Duration.ofMinutes(5)));
            assertThat(Fixtures.count(root, "t")).isEqualTo(20);
            assertThat(log).doesNotContain("seeding from small.sql");
        }
    }

    @Test
    void sessionSettingsCarryFromChunkToChunk() throws Exception {
        String script = "SET check_function_bodies = false;\n"
                + "CREATE FUNCTION later_count() RETURNS int LANGUAGE sql AS $$ SELECT count(*)::int FROM later $$;\n"
                + "CREATE TABLE later (id int);\n";
        try (Branch root = Fixtures.seededParent(engine(), "session")) {
            Seeder.runScript(script, "dump.sql", root.jdbcUrl(), root.user(), root.password(), 1, Duration.ZERO);
            assertThat(Fixtures.count(root, "pg_proc WHERE proname = 'later_count'")).isEqualTo(1);
        }
        // the same function without the setting fails: the setting is what carried over
        try (Branch root = Fixtures.seededParent(engine(), "nosession")) {
            assertThatThrownBy(() -> Seeder.runScript(script.substring(script.indexOf('\n') + 1), "dump.sql", root.jdbcUrl(),
                    root.user(), root.password(), 1, Duration.ZERO)).hasMessageContaining("dump.sql:1:");
        }
    }

    @Test
    void aFailureInALaterChunkNamesTheLineInTheWholeScript() throws Exception {
        String script = "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\n\nINSERT INTO missing\n  VALUES (2);\n";
        try (Branch root = Fixtures.seededParent(engine(), "lines")) {
            assertThatThrownBy(() -> Seeder.runScript(script, "data.sql", root.jdbcUrl(), root.user(), root.password(), 1,
                    Duration.ZERO)).hasMessageContaining("data.sql:4: ERROR: relation \"missing\" does not exist")
                    .hasMessageContaining("in statement \"INSERT INTO missing VALUES (2)\"");
        }
    }
}
