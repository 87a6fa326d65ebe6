package dev.graft.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs sample test classes as a build would, and looks at the server they used. */
final class Samples {

    private static BranchEngine engine;

    private Samples() {
    }

    static EngineExecutionResults run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute();
    }

    static EngineExecutionResults runInParallel(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .selectors(selectClass(sample)).execute();
    }

    /** The default engine's server, as the extension uses it. */
    static synchronized BranchEngine engine() {
        if (engine == null) {
            engine = new DefaultEngine().get();
        }
        return engine;
    }

    static List<String> branchNames() {
        return engine().list().stream().map(BranchInfo::name).toList();
    }

    static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return count(connection, sql);
        }
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
