package dev.graft.catalog.internal;

import dev.graft.branch.embedded.EmbeddedConfig;
import dev.graft.branch.embedded.EmbeddedEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * One embedded PostgreSQL 18 for the tests of this package, started on first use, stopped with
 * the JVM; and the one way they try a statement.
 */
final class TestServer {

    private static EmbeddedEngine engine;

    private TestServer() { }

    static synchronized EmbeddedEngine engine() {
        if (engine == null) {
            engine = EmbeddedEngine.start(EmbeddedConfig.builder()
                    .dataDirectory(Path.of(System.getProperty("graft.build.dir", "target-catalog"), "graft", "internal"))
                    .build());
            EmbeddedEngine started = engine;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "graft-test-server-stop"));
        }
        return engine;
    }

    /** Whether {@code sql} runs on {@code connection} (not in auto-commit); rolled back either way. */
    static boolean runs(Connection connection, String sql) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return true;
        } catch (SQLException e) {
            return false;
        } finally {
            connection.rollback(before);
        }
    }
}
