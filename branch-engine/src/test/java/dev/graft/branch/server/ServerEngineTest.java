package dev.graft.branch.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchException;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.CopyMethod;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import dev.graft.branch.embedded.EmbeddedConfig;
import dev.graft.branch.embedded.EmbeddedEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The server engine against a real PostgreSQL it did not start (here: one started by the embedded engine). */
class ServerEngineTest {

    private static final EmbeddedEngine SERVER = EmbeddedEngine.start(EmbeddedConfig.builder()
            .dataDirectory(Path.of("target", "graft", "test-postgres")).build());

    private static ServerEngine engine() {
        return ServerEngine.connect(ServerConfig.builder("jdbc:postgresql://localhost:" + SERVER.target().port() + "/postgres")
                .user("postgres").build());
    }

    @Test
    void branchesAnExistingDatabaseAndReportsTheCopyHonestly() throws Exception {
        String app = "app-" + UUID.randomUUID().toString().substring(0, 8);
        try (ServerEngine engine = engine();
             Branch parent = engine.create(BranchSpec.root(app).seed(Seed.sql("CREATE TABLE t (v int); INSERT INTO t VALUES (1);"))
                     .build());
             Branch branch = engine.create(BranchSpec.of(app + "-pr").parent(app).ifExists(IfExists.REPLACE).build())) {
            assertThat(engine.kind()).isEqualTo("server");
            CopyMethod expected = SERVER.cloneSupport().observed() ? CopyMethod.CLONE : CopyMethod.FULL_COPY;
            assertThat(branch.copy().method()).isEqualTo(expected);
            try (Connection c = branch.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO t VALUES (2)");
            }
            assertThat(sum(parent)).isEqualTo(1);
            assertThat(sum(branch)).isEqualTo(3);
            assertThat(sum(engine.reset(branch.name()))).isEqualTo(1);
        }
    }

    @Test
    void anUnreachableServerIsAClearError() {
        assertThatThrownBy(() -> ServerEngine.connect(ServerConfig.builder("jdbc:postgresql://localhost:1/postgres").build()))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("cannot reach PostgreSQL at ")
                .hasMessageContaining("localhost:1")
                .hasMessageContaining("as \"postgres\"");
    }

    @Test
    void aUrlOfAnotherDatabaseKindIsRejected() {
        assertThatThrownBy(() -> ServerConfig.builder("jdbc:mysql://localhost/x").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql:");
    }

    private static int sum(Branch branch) throws Exception {
        try (Connection c = branch.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sum(v) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
