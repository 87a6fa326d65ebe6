package dev.graft.branch.template;

import dev.graft.branch.BranchException;
import dev.graft.branch.BranchInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The branches a server holds, read from and written to {@code pg_database} and the database comments. */
final class BranchCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(BranchCatalog.class);
    private static final String DUPLICATE_DATABASE = "42P04";
    /** Two renames to one name at once: the later one meets the first in pg_database's unique index. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String OBJECT_IN_USE = "55006";
    /** A database a DROP DATABASE interrupted by a killed server left behind: it takes no connection. */
    private static final String INVALID = "datconnlimit = -2";
    private static final String BRANCHES = "SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database "
            + "WHERE shobj_description(oid, 'pg_database') LIKE 'graft-branch %' AND NOT " + INVALID;

    /**
     * The first key of the session advisory lock a creator holds on its temporary database's name
     * while it builds the branch ('grft'); the second is {@code hashtext(name)}.
     */
    private static final int CLAIM_KEY = 0x67726674;
    private static final String COPIES = "SELECT datname FROM pg_database WHERE starts_with(datname, ?) ORDER BY oid";
    /** Branches and copies whose drop was cut short: nothing can use them, only DROP DATABASE finishes them. */
    private static final String HALF_DROPPED = "SELECT datname FROM pg_database WHERE " + INVALID
            + " AND (starts_with(datname, ?) OR shobj_description(oid, 'pg_database') LIKE 'graft-branch %') ORDER BY oid";

    /** Opens an administrative connection. */
    interface Connector {
        Connection open() throws SQLException;
    }

    /** A database with Graft metadata. */
    record Entry(String name, BranchMetadata metadata) {
    }

    private final Connector connector;

    BranchCatalog(Connector connector) {
        this.connector = connector;
    }

    Optional<BranchInfo> find(String name) {
        return entry(name).map(e -> e.metadata().toInfo(e.name()));
    }

    Optional<BranchInfo> find(Connection admin, String name) throws SQLException {
        return entry(admin, name).map(e -> e.metadata().toInfo(e.name()));
    }

    Optional<Entry> entry(String name) {
        try (Connection admin = connector.open()) {
            return entry(admin, name);
        } catch (SQLException e) {
            throw new BranchException("cannot look up branch \"" + name + "\": " + e.getMessage(), e);
        }
    }

    Optional<Entry> entry(Connection admin, String name) throws SQLException {
        return query(admin, BRANCHES + " AND datname = ?", name).stream().findFirst();
    }

    List<Entry> all() {
        try (Connection admin = connector.open()) {
            return query(admin, BRANCHES + " ORDER BY oid");
        } catch (SQLException e) {
            throw new BranchException("cannot list branches: " + e.getMessage(), e);
        }
    }

    boolean databaseExists(String name) {
        try (Connection admin = connector.open()) {
            return databaseExists(admin, name);
        } catch (SQLException e) {
            throw new BranchException("cannot look up database \"" + name + "\": " + e.getMessage(), e);
        }
    }

    boolean databaseExists(Connection admin, String name) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    void describe(Connection admin, String database, BranchMetadata metadata) throws SQLException {
        AdminSql.execute(admin, "COMMENT ON DATABASE %I IS %L", database, metadata.toComment());
    }

    /**
     * Claims a temporary name for this session until {@link #release}: a process killed between
     * its {@code CREATE DATABASE} and the comment that makes the copy a branch leaves a database
     * no comment describes, and its ended session tells {@link #abandonedCopies} it is garbage.
     */
    void claim(Connection admin, String temporary) throws SQLException {
        lock(admin, "SELECT pg_advisory_lock(?, hashtext(?))", temporary);
    }

    void release(Connection admin, String temporary) {
        try {
            lock(admin, "SELECT pg_advisory_unlock(?, hashtext(?))", temporary);
        } catch (SQLException e) {
            LOG.debug("could not release the claim on \"{}\": {}", temporary, e.getMessage());
        }
    }

    /**
     * Drops the databases named with {@code prefix} that no live session claims: copies whose
     * creator died before renaming them into place, described or not, and branches or copies a
     * server killed during their DROP DATABASE left invalid. Returns their names.
     */
    List<String> dropAbandonedCopies(String prefix) {
        List<String> dropped = new ArrayList<>();
        try (Connection admin = connector.open()) {
            for (String name : names(admin, HALF_DROPPED, prefix)) {
                drop(admin, name);
                dropped.add(name);
            }
            for (String name : names(admin, COPIES, prefix)) {
                if (lock(admin, "SELECT pg_try_advisory_lock(?, hashtext(?))", name)) {
                    try {
                        drop(admin, name);
                        dropped.add(name);
                    } finally {
                        release(admin, name);
                    }
                }
            }
        } catch (SQLException e) {
            LOG.warn("could not remove abandoned copies: {}", e.getMessage());
        }
        return dropped;
    }

    private static List<String> names(Connection admin, String sql, String prefix) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = admin.prepareStatement(sql)) {
            statement.setString(1, prefix);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static boolean lock(Connection admin, String sql, String name) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement(sql)) {
            statement.setInt(1, CLAIM_KEY);
            statement.setString(2, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && !"f".equals(rs.getString(1));
            }
        }
    }

    /** Renames a finished temporary database into place; false when the name was taken meanwhile. */
    boolean publish(Connection admin, String temporary, String name) throws SQLException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            try {
                AdminSql.execute(admin, "ALTER DATABASE %I RENAME TO %I", temporary, name);
                return true;
            } catch (SQLException e) {
                if (DUPLICATE_DATABASE.equals(e.getSQLState()) || UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                // a seeding session's backend may still be exiting after its client closed
                if (!OBJECT_IN_USE.equals(e.getSQLState()) || System.nanoTime() > deadline) {
                    throw e;
                }
                pause();
            }
        }
    }

    void drop(Connection admin, String name) throws SQLException {
        AdminSql.execute(admin, "DROP DATABASE IF EXISTS %I WITH (FORCE)", name);
    }

    void dropQuietly(String name) {
        try (Connection admin = connector.open()) {
            drop(admin, name);
        } catch (SQLException e) {
            LOG.warn("could not drop database \"{}\": {}", name, e.getMessage());
        }
    }

    private static List<Entry> query(Connection admin, String sql, String... args) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement statement = admin.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setString(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    BranchMetadata.parse(rs.getString(2)).ifPresent(m -> entries.add(new Entry(name, m)));
                }
            }
        }
        return entries;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BranchException("interrupted while publishing a branch", e);
        }
    }
}
