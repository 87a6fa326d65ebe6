package dev.graft.verifier.locks;

import dev.graft.verifier.snapshot.SqlNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One table the workload reads and writes through its old shape: its key, the columns a write may
 * set, and rows sampled from it, whose own values the writes put back, so every constraint holds.
 *
 * @param schema    its schema
 * @param name      its name
 * @param key       the primary key's columns ({@code ctid} stands in for a table without one)
 * @param writable  columns an update sets: not part of the key, not generated
 * @param insertable columns an insert gives, when the table fills its own key and has no other
 *                   unique index (empty: no inserts)
 * @param rows      sampled rows: the key values, then the writable values, as text
 */
record WorkloadTable(String schema, String name, List<String> key, List<String> writable, List<String> insertable,
        List<List<String>> rows) {

    static final int SAMPLED_ROWS = 200;

    WorkloadTable {
        key = List.copyOf(key);
        writable = List.copyOf(writable);
        insertable = List.copyOf(insertable);
        rows = List.copyOf(rows);
    }

    /** {@code schema.name}, as reports name it. */
    String qualifiedName() {
        return schema + "." + name;
    }

    String sql() {
        return SqlNames.qualified(schema, name);
    }

    /**
     * The table as the database holds it now, with up to {@link #SAMPLED_ROWS} of its rows; empty
     * when it has no row.
     */
    static Optional<WorkloadTable> read(Connection connection, String schema, String name) throws SQLException {
        List<String> key = new ArrayList<>();
        List<String> writable = new ArrayList<>();
        List<String> filled = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT a.attname, coalesce(a.attnum = ANY (i.indkey), false),"
                        + " a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '', a.attgenerated <> ''"
                        + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " LEFT JOIN pg_catalog.pg_index i ON i.indrelid = c.oid AND i.indisprimary"
                        + " WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped"
                        + " ORDER BY a.attnum")) {
            s.setString(1, schema);
            s.setString(2, name);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (r.getBoolean(2)) {
                        key.add(r.getString(1));
                        if (r.getBoolean(3)) {
                            filled.add(r.getString(1));
                        }
                    } else if (!r.getBoolean(4)) {
                        writable.add(r.getString(1));
                    }
                }
            }
        }
        boolean ctid = key.isEmpty();
        List<String> insertable = !ctid && filled.size() == key.size() && uniqueIndexes(connection, schema, name) == 1
                ? writable : List.of();
        List<String> columns = new ArrayList<>(ctid ? List.of("ctid") : key);
        columns.addAll(writable);
        String select = "SELECT " + String.join(", ", columns.stream().map(c -> c.equals("ctid") && ctid ? "ctid::text"
                : SqlNames.quote(c) + "::text").toList()) + " FROM " + SqlNames.qualified(schema, name)
                + " LIMIT " + SAMPLED_ROWS;
        List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(select); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(r.getString(i));
                }
                rows.add(java.util.Collections.unmodifiableList(row));
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WorkloadTable(schema, name, ctid ? List.of("ctid") : key, writable, insertable, rows));
    }

    private static int uniqueIndexes(Connection connection, String schema, String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT count(*) FROM pg_catalog.pg_index i"
                + " JOIN pg_catalog.pg_class c ON c.oid = i.indrelid JOIN pg_catalog.pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ? AND i.indisunique")) {
            s.setString(1, schema);
            s.setString(2, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** {@code WHERE "k1" = ? AND "k2" = ?}: a row by its key, the values given as text. */
    String byKey() {
        return " WHERE " + String.join(" AND ", key.stream().map(k -> k.equals("ctid") ? "ctid = CAST(? AS tid)"
                : SqlNames.quote(k) + " = ?").toList());
    }

    String readSql() {
        return "SELECT * FROM " + sql() + byKey();
    }

    /** Sets one writable column to the value the row already holds. */
    String updateSql(String column) {
        return "UPDATE " + sql() + " SET " + SqlNames.quote(column) + " = ?" + byKey();
    }

    /** A new row copying a sampled row's writable values; the table fills its key. */
    String insertSql() {
        return "INSERT INTO " + sql() + " (" + String.join(", ", insertable.stream().map(SqlNames::quote).toList())
                + ") VALUES (" + String.join(", ", insertable.stream().map(c -> "?").toList()) + ")";
    }
}
