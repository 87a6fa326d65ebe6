package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.Node;
import dev.graft.catalog.internal.YamlOut;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code insert_data: {table, rows, key}}: an upsert by {@code key} (the primary key by
 * default), so running it again changes nothing. See {@link Row} for how values are written.
 *
 * <pre>{@code
 * - insert_data:
 *     table: warehouse
 *     key: [code]
 *     rows:
 *       - { code: "AMS", name: "Amsterdam", capacity: 1200 }
 *       - { code: "LIS", name: "Lisbon", opened: { value: "date '2024-03-01'" } }
 * }</pre>
 *
 * @param location where the refactoring is written
 * @param table    the table
 * @param rows     the rows
 * @param key      the columns identifying a row (empty: the primary key)
 */
public record InsertData(Location location, TableName table, List<Row> rows, List<String> key)
        implements Refactoring {

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

    public InsertData {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        rows = List.copyOf(rows);
        key = List.copyOf(key);
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static InsertData read(Fields in) {
        return new InsertData(in.location(), in.table("table"), in.list("rows", InsertData::row),
                in.optionalNames("key"));
    }

    private static Row row(Fields in) {
        Map<String, Expression> values = new LinkedHashMap<>();
        for (Node.Entry entry : in.entries()) {
            in.checkName("rows", entry.key(), entry.keyLocation());
            Node value = entry.value();
            if (value instanceof Node.ScalarNode s) {
                values.put(entry.key(), switch (s.kind()) {
                    case STRING -> Expression.literal(s.text(), s.location());
                    case NULL -> new Expression("NULL", s.location());
                    default -> new Expression(s.text(), s.location());
                });
            } else {
                Fields.of(value, entry.key(), in.problems()).ifPresent(cell -> {
                    values.put(entry.key(), cell.expression("value", false));
                    cell.finish();
                });
            }
        }
        return new Row(in.location(), values);
    }

    static void check(InsertData r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            c.columns(t, r.key, c.at("key"));
            List<String> key = r.key.isEmpty() ? t.primaryKey() : r.key;
            if (key.isEmpty()) {
                c.cannotApply(r.location, "table \"" + r.table + "\" has no primary key: insert_data needs \"key\"");
            }
            for (Row row : r.rows) {
                row.values().forEach((column, value) -> {
                    c.column(t, column, value.location());
                    c.constant(value, column);
                });
                for (String k : key) {
                    if (!row.values().containsKey(k)) {
                        c.missing(row.location(), "row has no value for key column \"" + k + "\"");
                    }
                }
            }
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before;
    }

    static YamlOut write(InsertData r) {
        YamlOut out = YamlOut.map().put("table", r.table.toString());
        if (!r.key.isEmpty()) {
            out.putNames("key", r.key);
        }
        return out.putList("rows", r.rows, row -> {
            YamlOut values = YamlOut.map();
            row.values().forEach((column, value) -> cell(values, column, value.sql()));
            return values;
        });
    }

    /** Writes a value back in the spelling it was read from: literal, number, boolean, null or expression. */
    private static void cell(YamlOut values, String column, String sql) {
        String inner = sql.length() >= 2 && sql.startsWith("'") && sql.endsWith("'")
                ? sql.substring(1, sql.length() - 1) : null;
        if (inner != null && !inner.replace("''", "").contains("'")) {
            values.put(column, inner.replace("''", "'"));
        } else if (sql.equals("NULL")) {
            values.putNull(column);
        } else if (sql.equals("true") || sql.equals("false")) {
            values.put(column, Boolean.parseBoolean(sql));
        } else if (NUMBER.matcher(sql).matches()) {
            values.putNumber(column, sql);
        } else {
            values.put(column, YamlOut.map().put("value", sql));
        }
    }
}
