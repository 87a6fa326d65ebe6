package dev.graft.verifier.snapshot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which tables a run on a branch may have changed, found without reading a row, so that only
 * those are fingerprinted. A branch is a new database, and PostgreSQL counts the rows inserted,
 * updated and deleted per table and database: on a branch every count starts at zero. Writes that
 * bypass the counts ({@code TRUNCATE}, a rewriting {@code ALTER TABLE}, {@code CLUSTER}) give the
 * table a new file, and a table created by the run has a file its ancestor does not know.
 *
 * <p>The counts reach shared memory when a session ends or goes idle; this waits until no other
 * client is connected to the database, so every writer has reported. When the counts cannot be
 * trusted ({@code track_counts} off, or a client that stays connected), every table counts as
 * written, which only costs time.
 */
public final class TableWrites {

    private static final long WAIT_NANOS = 30_000_000_000L;

    private TableWrites() {
    }

    /**
     * Every user table by qualified name, with its file and its write count once every other
     * client of the database has reported: what later writes are told apart from.
     *
     * @throws SQLException if the catalog cannot be read
     */
    public static Map<String, UserTable> marks(Connection connection) throws SQLException {
        othersGone(connection);
        Map<String, UserTable> marks = new TreeMap<>();
        for (UserTable table : UserTable.list(connection)) {
            marks.put(table.qualifiedName(), table);
        }
        return marks;
    }

    /** The marks a copy of that database starts with: the same files, nothing written yet. */
    public static Map<String, UserTable> copied(Map<String, UserTable> marks) {
        Map<String, UserTable> copy = new TreeMap<>();
        marks.forEach((name, t) -> copy.put(name, new UserTable(t.schema(), t.name(), t.relfilenode(), 0)));
        return copy;
    }

    /**
     * The tables that may have changed since {@code marks} were taken, of this database or, through
     * {@link #copied}, of the one it was copied from: written, rewritten, created or dropped.
     *
     * @throws SQLException if the database cannot be read
     */
    public static Set<String> since(Connection connection, Map<String, UserTable> marks) throws SQLException {
        boolean countsReliable = countsTracked(connection) && othersGone(connection);
        Set<String> written = new TreeSet<>();
        Set<String> present = new TreeSet<>();
        for (UserTable table : UserTable.list(connection)) {
            present.add(table.qualifiedName());
            UserTable mark = marks.get(table.qualifiedName());
            if (!countsReliable || mark == null || mark.relfilenode() != table.relfilenode()
                    || table.writes() > mark.writes()) {
                written.add(table.qualifiedName());
            }
        }
        marks.keySet().stream().filter(t -> !present.contains(t)).forEach(written::add);
        return written;
    }

    private static boolean countsTracked(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rows = s.executeQuery("SELECT pg_catalog.current_setting('track_counts')::boolean")) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    /** Waits until this is the only client of its database: a session reports its counts as it ends. */
    private static boolean othersGone(Connection connection) throws SQLException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        try (Statement s = connection.createStatement()) {
            while (true) {
                try (ResultSet rows = s.executeQuery("SELECT count(*) FROM pg_catalog.pg_stat_activity"
                        + " WHERE datname = pg_catalog.current_database() AND pid <> pg_catalog.pg_backend_pid()"
                        + " AND backend_type = 'client backend'")) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        return true;
                    }
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }
}
