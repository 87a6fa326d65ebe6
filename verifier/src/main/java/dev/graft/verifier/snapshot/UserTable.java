package dev.graft.verifier.snapshot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ordinary table of a user schema, with what tells whether a run wrote it: the file that holds
 * its rows (a rewrite, {@code TRUNCATE} or a new table gets a new one) and PostgreSQL's count of
 * rows inserted, updated and deleted in this database (a new branch is a new database, so it
 * starts at zero).
 *
 * @param schema      its schema
 * @param name        its name
 * @param relfilenode the file its rows are in
 * @param writes      rows inserted, updated and deleted since the database was created
 */
public record UserTable(String schema, String name, long relfilenode, long writes) {

    private static final String TABLES = "SELECT n.nspname, c.relname, c.relfilenode,"
            + " pg_catalog.pg_stat_get_tuples_inserted(c.oid) + pg_catalog.pg_stat_get_tuples_updated(c.oid)"
            + " + pg_catalog.pg_stat_get_tuples_deleted(c.oid)"
            + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%' ORDER BY 1, 2";

    public UserTable {
        Objects.requireNonNull(schema, "schema == null");
        Objects.requireNonNull(name, "name == null");
    }

    /** {@code schema.name}, unquoted: the key data fingerprints use. */
    public String qualifiedName() {
        return schema + "." + name;
    }

    /** {@code "schema"."name"}, for SQL. */
    public String sql() {
        return SqlNames.qualified(schema, name);
    }

    /**
     * Every ordinary user table of the database, ordered by name. The write counts are what the
     * statistics system has been told so far: see {@link TableWrites} for reading them reliably.
     *
     * @throws SQLException if the catalog cannot be read
     */
    public static List<UserTable> list(Connection connection) throws SQLException {
        List<UserTable> tables = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(TABLES)) {
            while (rows.next()) {
                tables.add(new UserTable(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4)));
            }
        }
        return tables;
    }
}
