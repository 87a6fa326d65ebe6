package dev.graft.branch.template;

import dev.graft.branch.BranchException;
import dev.graft.branch.CopyMethod;
import dev.graft.branch.CopyReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code CREATE DATABASE new TEMPLATE parent} with the chosen strategy, waits for sessions
 * that keep the parent busy (PostgreSQL refuses to copy a database others are connected to,
 * SQLSTATE 55006), and reports honestly how the copy was made.
 */
final class TemplateCopier {

    private static final String OBJECT_IN_USE = "55006";

    private final TemplateSettings settings;
    private final CloneSupport cloneSupport;
    private final int serverVersion;

    TemplateCopier(TemplateSettings settings, CloneSupport cloneSupport, int serverVersion) {
        this.settings = settings;
        this.cloneSupport = cloneSupport;
        this.serverVersion = serverVersion;
    }

    /** The strategy {@code AUTO} resolves to on this server. */
    CopyStrategy effectiveStrategy() {
        CopyStrategy asked = settings.copyStrategy();
        if (asked != CopyStrategy.AUTO) {
            return asked;
        }
        return cloneSupport.observed() && serverVersion >= 180000 ? CopyStrategy.CLONE : CopyStrategy.FILE_COPY;
    }

    CopyReport copy(Connection admin, String target, String parent) throws SQLException {
        CopyStrategy strategy = effectiveStrategy();
        prepareSession(admin, strategy);
        String sql = AdminSql.format(admin, createStatement(strategy), target, parent);
        long deadline = System.nanoTime() + settings.templateWait().toNanos();
        long pause = 10;
        boolean terminated = false;
        while (true) {
            long start = System.nanoTime();
            try (var statement = admin.createStatement()) {
                statement.execute(sql);
                return report(strategy, Duration.ofNanos(System.nanoTime() - start));
            } catch (SQLException e) {
                if (!OBJECT_IN_USE.equals(e.getSQLState())) {
                    throw e;
                }
                if (System.nanoTime() < deadline) {
                    sleep(pause);
                    pause = Math.min(pause * 2, 200);
                    continue;
                }
                List<String> blockers = blockers(admin, parent);
                if (settings.terminateBlockers() && !terminated) {
                    terminate(admin, parent);
                    terminated = true;
                    continue;
                }
                throw new BranchException("cannot copy database \"" + parent + "\": other sessions are connected to it "
                        + "and stayed for " + settings.templateWait().toMillis() + " ms: " + String.join("; ", blockers)
                        + ". Close them, or let the engine end them (terminateBlockers).", e);
            }
        }
    }

    private String createStatement(CopyStrategy strategy) {
        if (serverVersion < 150000) {
            return "CREATE DATABASE %I TEMPLATE %I";
        }
        return strategy == CopyStrategy.WAL_LOG
                ? "CREATE DATABASE %I TEMPLATE %I STRATEGY WAL_LOG"
                : "CREATE DATABASE %I TEMPLATE %I STRATEGY FILE_COPY";
    }

    private void prepareSession(Connection admin, CopyStrategy strategy) throws SQLException {
        if (serverVersion < 180000 || strategy == CopyStrategy.WAL_LOG) {
            return;
        }
        try (var statement = admin.createStatement()) {
            statement.execute(strategy == CopyStrategy.CLONE ? "SET file_copy_method = clone" : "SET file_copy_method = copy");
        }
    }

    private CopyReport report(CopyStrategy strategy, Duration took) {
        return switch (strategy) {
            case WAL_LOG -> new CopyReport(CopyMethod.WAL_LOG, took, "STRATEGY WAL_LOG: pages copied through the WAL");
            case FILE_COPY -> new CopyReport(CopyMethod.FULL_COPY, took, serverVersion >= 180000
                    ? "STRATEGY FILE_COPY, file_copy_method=copy on " + cloneSupport.fileSystem()
                    : "STRATEGY FILE_COPY on PostgreSQL " + serverVersion / 10000 + " (clone needs 18+)");
            case CLONE, AUTO -> serverVersion < 180000
                    ? new CopyReport(CopyMethod.FULL_COPY, took, "PostgreSQL " + serverVersion / 10000
                            + " has no file_copy_method; files copied")
                    : cloneSupport.observed()
                    ? new CopyReport(CopyMethod.CLONE, took, "reflink clone (file_copy_method=clone) on " + cloneSupport.fileSystem())
                    : new CopyReport(CopyMethod.FULL_COPY, took, "file_copy_method=clone asked, but " + cloneSupport.detail());
        };
    }

    static List<String> blockers(Connection admin, String database) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement statement = admin.prepareStatement(
                "SELECT pid, coalesce(application_name, ''), coalesce(host(client_addr), 'local socket'), coalesce(usename, '') "
                        + "FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid() ORDER BY pid")) {
            statement.setString(1, database);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add("pid " + rs.getInt(1) + " (application_name \"" + rs.getString(2) + "\", client "
                            + rs.getString(3) + ", user \"" + rs.getString(4) + "\")");
                }
            }
        }
        return found;
    }

    private static void terminate(Connection admin, String database) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement(
                "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            statement.setString(1, database);
            statement.executeQuery().close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BranchException("interrupted while waiting for sessions to leave the parent database", e);
        }
    }
}
