package dev.graft.verifier.shapes;

import dev.graft.catalog.refactoring.TableName;
import dev.graft.verifier.snapshot.SqlNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the database says about one table: its columns in order with their types and whether a
 * write must give them a value, and its primary key.
 *
 * @param columns    by name, in column order
 * @param primaryKey the primary key's columns, in key order (empty: none)
 */
record TableFacts(Map<String, Column> columns, List<String> primaryKey) {

    /**
     * One column.
     *
     * @param name       its name
     * @param type       as {@code format_type} prints it: {@code character varying(22)}
     * @param maxLength  the character limit of a {@code varchar(n)} / {@code char(n)}, if any
     * @param required   NOT NULL: the table refuses NULL in it, in either shape, whatever its default
     *                   (during a transition Graft's defaults only mark a column as left out)
     * @param generated  a default, identity or generated column: a write may leave it out
     */
    record Column(String name, String type, Optional<Integer> maxLength, boolean required, boolean generated) { }

    static Optional<TableFacts> read(Connection connection, TableName table) throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT a.attname, format_type(a.atttypid, a.atttypmod),"
                        + " CASE WHEN a.atttypid IN ('varchar'::regtype, 'bpchar'::regtype) AND a.atttypmod > 4"
                        + "  THEN a.atttypmod - 4 END,"
                        + " a.attnotnull, a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> ''"
                        + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped"
                        + " ORDER BY a.attnum")) {
            s.setString(1, table.schema());
            s.setString(2, table.name());
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    int max = rows.getInt(3);
                    Optional<Integer> maxLength = rows.wasNull() ? Optional.empty() : Optional.of(max);
                    boolean generated = rows.getBoolean(5);
                    columns.put(rows.getString(1), new Column(rows.getString(1), rows.getString(2), maxLength,
                            rows.getBoolean(4), generated));
                }
            }
        }
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        List<String> key = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT a.attname FROM pg_catalog.pg_index i"
                        + " JOIN pg_catalog.pg_class c ON c.oid = i.indrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true"
                        + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum"
                        + " WHERE n.nspname = ? AND c.relname = ? AND i.indisprimary ORDER BY k.ord")) {
            s.setString(1, table.schema());
            s.setString(2, table.name());
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    key.add(rows.getString(1));
                }
            }
        }
        return Optional.of(new TableFacts(columns, key));
    }

    /**
     * SQL expressions for a new row's key columns that the table does not fill itself, one per
     * column, over {@code quotedTable}; empty if none can be made.
     */
    Optional<Map<String, String>> newKeyValues(String quotedTable) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : primaryKey) {
            Column column = column(key);
            if (column.generated()) {
                continue;
            }
            String type = column.type();
            if (primaryKey.size() == 1 && (type.equals("integer") || type.equals("bigint") || type.equals("smallint"))) {
                values.put(key, "(SELECT coalesce(max(" + SqlNames.quote(key) + "), 0) + 1 FROM " + quotedTable + ")");
            } else if (type.equals("uuid")) {
                values.put(key, "gen_random_uuid()");
            } else if (type.equals("text") || type.equals("character varying")) {
                values.put(key, "CAST(gen_random_uuid() AS text)");
            } else if (type.matches("character(?: varying)?\\(\\d+\\)")) {
                // a key as short as varchar(6) still gets 16^6 random values: enough for the few hundred writes made
                int length = Integer.parseInt(type.replaceAll("\\D", ""));
                values.put(key, "left(replace(CAST(gen_random_uuid() AS text), '-', ''), " + length + ")");
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    /** The key of a row as text, {@code id=7}, over the row's columns in scope (or {@code ctid} without a key). */
    String keyText() {
        if (primaryKey.isEmpty()) {
            return "'ctid=' || ctid::text";
        }
        List<String> parts = new ArrayList<>();
        for (String key : primaryKey) {
            parts.add(SqlNames.literal(key + "=") + " || coalesce(" + SqlNames.quote(key) + "::text, 'NULL')");
        }
        return "concat_ws(', ', " + String.join(", ", parts) + ")";
    }

    /** {@code ORDER BY} the key, or nothing without one. */
    String keyOrder() {
        return primaryKey.isEmpty() ? ""
                : " ORDER BY " + String.join(", ", primaryKey.stream().map(SqlNames::quote).toList());
    }

    Column column(String name) {
        Column column = columns.get(name);
        if (column == null) {
            throw new IllegalStateException("column \"" + name + "\" does not exist");
        }
        return column;
    }
}
