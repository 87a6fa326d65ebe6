package dev.graft.verifier.effects;

import dev.graft.verifier.snapshot.SqlNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One table's rows as hashes, keyed by primary key: for each row, a 64-bit hash of each column's
 * text, computed by PostgreSQL. Two readings (before and after a migration) tell which rows were
 * deleted, inserted, and which columns of the others changed.
 *
 * @param table   the qualified table, {@code public.orders}
 * @param columns the column names, in order
 * @param rows    per primary key (as text, {@code 4} or {@code (1,2)}), the hash of each column
 */
public record TableRows(String table, List<String> columns, Map<String, List<Long>> rows) {

    private static final String PRIMARY_KEY = "SELECT a.attname FROM pg_catalog.pg_index i"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
            + " WHERE i.indrelid = ?::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)";
    private static final String COLUMNS = "SELECT attname FROM pg_catalog.pg_attribute WHERE attrelid = ?::regclass"
            + " AND attnum > 0 AND NOT attisdropped ORDER BY attnum";

    /**
     * Tables estimated to hold more rows than this are not read: a hash per column of every row
     * is held in memory.
     */
    static final long MAX_ROWS = 2_000_000;

    public TableRows {
        columns = List.copyOf(columns);
        rows = Collections.unmodifiableMap(rows);
    }

    /**
     * Reads a table; none when it does not exist, has no primary key (its rows have no key to be
     * told apart by) or more than {@link #MAX_ROWS} rows by PostgreSQL's estimate.
     *
     * @param schema the table's schema
     * @param name   the table's name
     */
    static Optional<TableRows> read(Connection connection, String schema, String name) throws SQLException {
        String qualified = SqlNames.qualified(schema, name);
        if (!exists(connection, qualified) || estimatedRows(connection, qualified) > MAX_ROWS) {
            return Optional.empty();
        }
        List<String> key = primaryKey(connection, qualified);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        List<String> columns = names(connection, COLUMNS, qualified);
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(keyText(key));
        for (String column : columns) {
            sql.append(", hashtextextended(t.").append(SqlNames.quote(column)).append("::text, 0)");
        }
        sql.append(" FROM ").append(qualified).append(" t");
        Map<String, List<Long>> rows = new TreeMap<>(TableRows::byKey);
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql.toString())) {
            while (r.next()) {
                List<Long> hashes = new ArrayList<>(columns.size());
                for (int i = 0; i < columns.size(); i++) {
                    hashes.add((Long) r.getObject(i + 2));
                }
                rows.put(r.getString(1), hashes);
            }
        }
        return Optional.of(new TableRows(schema + "." + name, columns, rows));
    }

    /** The hash of {@code column} in each row, by key; a column this table lacks gives none. */
    Map<String, Long> column(String column) {
        int index = columns.indexOf(column);
        Map<String, Long> values = new LinkedHashMap<>();
        if (index >= 0) {
            rows.forEach((key, hashes) -> values.put(key, hashes.get(index)));
        }
        return values;
    }

    /** The primary key's columns of a table ({@code "schema"."name"}), in key order; none without one. */
    static List<String> primaryKey(Connection connection, String qualified) throws SQLException {
        return names(connection, PRIMARY_KEY, qualified);
    }

    /** The SQL of a key's text: {@code t."id"::text}, or {@code row(t."a", t."b")::text} for several columns. */
    static String keyText(List<String> key) {
        return key.size() == 1 ? "t." + SqlNames.quote(key.get(0)) + "::text"
                : "row(" + String.join(", ", key.stream().map(k -> "t." + SqlNames.quote(k)).toList()) + ")::text";
    }

    /** Numeric keys in numeric order, others as text. */
    static int byKey(String a, String b) {
        boolean numbers = a.matches("-?[0-9]{1,18}") && b.matches("-?[0-9]{1,18}");
        return numbers ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : a.compareTo(b);
    }

    private static long estimatedRows(Connection connection, String qualified) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT reltuples::bigint FROM pg_catalog.pg_class WHERE oid = ?::regclass")) {
            s.setString(1, qualified);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    private static boolean exists(Connection connection, String qualified) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, qualified);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private static List<String> names(Connection connection, String query, String qualified) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(query)) {
            s.setString(1, qualified);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
        }
        return names;
    }
}
