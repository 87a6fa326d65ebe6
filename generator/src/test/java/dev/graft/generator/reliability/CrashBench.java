package dev.graft.generator.reliability;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.embedded.EmbeddedConfig;
import dev.graft.branch.embedded.EmbeddedEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL server of the crash trials' own (own data directory, own port, durable settings:
 * it is killed, so it must not be the embedded server other tests share), a parent branch at V1
 * with {@link CrashCatalog#ROWS} rows, and the generated migrations.
 */
final class CrashBench implements AutoCloseable {

    static final String PARENT = "crash_parent";

    private final EmbeddedConfig config;
    private final Path migrations;
    private EmbeddedEngine engine;

    private CrashBench(EmbeddedConfig config, Path migrations) {
        this.config = config;
        this.migrations = migrations;
        this.engine = EmbeddedEngine.start(config);
    }

    static CrashBench start(String name) throws IOException, SQLException {
        Path build = Path.of(System.getProperty("graft.build.dir", "target")).toAbsolutePath();
        Path migrations = CrashCatalog.generate(Files.createTempDirectory(build, "crash-catalog"));
        CrashBench bench = new CrashBench(EmbeddedConfig.builder().dataDirectory(build.resolve("graft").resolve(name))
                .durable(true).build(), migrations);
        Branch parent = bench.engine.create(BranchSpec.root(PARENT).ifExists(IfExists.REPLACE).build());
        CrashCatalog.flyway(parent.jdbcUrl(), parent.user(), parent.password(), migrations, "1").migrate();
        try (Connection c = connect(parent); Statement s = c.createStatement()) {
            s.execute(CrashCatalog.SEED);
            s.execute("VACUUM ANALYZE " + CrashCatalog.TABLE);
        }
        return bench;
    }

    Path migrations() {
        return migrations;
    }

    /** A fresh copy of the parent. */
    Branch branch(String name) {
        return engine.create(BranchSpec.of(name).parent(PARENT).ifExists(IfExists.REPLACE).build());
    }

    Optional<Branch> get(String name) {
        return engine.get(name);
    }

    void delete(String name) {
        engine.delete(name);
    }

    static Connection connect(Branch branch) throws SQLException {
        return DriverManager.getConnection(branch.jdbcUrl(), branch.user(), branch.password());
    }

    /** What the child's session is doing now, as pg_stat_activity shows it. */
    static String phase(Connection monitor) throws SQLException {
        List<String> queries = activeChildQueries(monitor);
        if (queries.isEmpty()) {
            return "between statements";
        }
        String query = queries.get(0);
        if (query.contains("backfilled")) {
            return "backfill";
        }
        // pg_stat_activity cuts a query at track_activity_query_size (1 kB): the expand's block shows by its start
        if (query.contains("client_connection_check_interval")) {
            return "other statement";
        }
        return query.startsWith("DO $graft") ? "expand" : "other statement";
    }

    /** Waits until the child runs a backfill; false when none ran within {@code millis}. */
    static boolean awaitBackfill(Connection monitor, long millis) throws SQLException, InterruptedException {
        return await(monitor, "backfill", millis);
    }

    /** Waits until the child runs an expand step; false when none was seen within {@code millis}. */
    static boolean awaitExpand(Connection monitor, long millis) throws SQLException, InterruptedException {
        return await(monitor, "expand", millis);
    }

    private static boolean await(Connection monitor, String wanted, long millis) throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (phase(monitor).equals(wanted)) {
                return true;
            }
            Thread.sleep(2);
        }
        return false;
    }

    private static List<String> activeChildQueries(Connection monitor) throws SQLException {
        List<String> queries = new java.util.ArrayList<>();
        try (Statement s = monitor.createStatement(); ResultSet rs = s.executeQuery("SELECT query FROM pg_stat_activity"
                + " WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()"
                + " AND application_name = '" + ChildRun.APPLICATION + "'")) {
            while (rs.next()) {
                queries.add(rs.getString(1));
            }
        }
        return queries;
    }

    /**
     * kill -9 of the whole server: the postmaster and every process it started, as an out-of-memory
     * kill or a power cut ends it; then a new start, which runs PostgreSQL's crash recovery.
     */
    void crashAndRestart(Connection monitor) throws SQLException, InterruptedException {
        long backend;
        try (Statement s = monitor.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            backend = rs.getLong(1);
        }
        ProcessHandle postmaster = ProcessHandle.of(backend).flatMap(ProcessHandle::parent).orElseThrow();
        List<ProcessHandle> server = new java.util.ArrayList<>(postmaster.descendants().toList());
        server.add(0, postmaster);
        server.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : server) {
            process.onExit().join();
        }
        engine.stopServer();
        engine.close();
        engine = EmbeddedEngine.start(config);
    }

    @Override
    public void close() {
        engine.stopServer();
        engine.close();
    }
}
