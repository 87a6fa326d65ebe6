package dev.graft.generator.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a migration run may leave behind in a database once its clients are gone: Flyway history
 * entries left failed, and stuck states (advisory locks, sessions still running, the backfill's
 * {@code graft.backfill} setting persisted, invalid indexes).
 *
 * @param failedHistory Flyway history entries with {@code success = false}
 * @param stuck         each stuck state found, described
 */
record StuckState(long failedHistory, List<String> stuck) {

    private static final String[][] CHECKS = {
        {"advisory locks held", "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
                + " WHERE l.locktype = 'advisory' AND d.datname = current_database()"},
        {"other sessions still connected", "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND backend_type = 'client backend'"},
        {"graft.backfill set in a new session", "SELECT count(*) FROM (SELECT current_setting('graft.backfill', true) v) s"
                + " WHERE coalesce(v, '') <> ''"},
        {"graft settings persisted on the database or a role", "SELECT count(*) FROM pg_db_role_setting"
                + " WHERE array_to_string(setconfig, ',') LIKE '%graft.%'"},
        {"invalid indexes", "SELECT count(*) FROM pg_index WHERE NOT indisvalid OR NOT indisready"},
    };

    /**
     * Reads the state, waiting up to {@code settleMillis} for sessions of killed clients to end
     * (the server notices a vanished client within {@code client_connection_check_interval}).
     */
    static StuckState of(Connection c, long settleMillis) throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + settleMillis;
        while (count(c, CHECKS[1][1]) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        List<String> stuck = new ArrayList<>();
        for (String[] check : CHECKS) {
            long found = count(c, check[1]);
            if (found > 0) {
                stuck.add(found + " " + check[0]);
            }
        }
        return new StuckState(count(c, "SELECT count(*) FROM " + CrashCatalog.HISTORY + " WHERE NOT success"), stuck);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
