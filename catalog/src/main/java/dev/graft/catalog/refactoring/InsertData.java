package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.Node;
import dev.graft.catalog.internal.YamlOut;
import dev.graft.catalog.ColumnView;
import dev.graft.catalog.TableView;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
    private static final Pattern SQL_NUMBER = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");

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
                    case BOOLEAN -> new Expression(s.text().toLowerCase(Locale.ROOT).matches("true|yes|on|y")
                            ? "true" : "false", s.location());
                    case NUMBER -> number(in, entry.key(), s);
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

    /** A YAML number as SQL: as written if PostgreSQL reads it so ({@code .inf} and {@code 0x1F} it does not). */
    private static Expression number(Fields in, String column, Node.ScalarNode s) {
        if (!SQL_NUMBER.matcher(s.text()).matches()) {
            in.problems().report(s.location(), dev.graft.catalog.ProblemCode.NOT_AN_EXPRESSION, "\"" + column
                    + "\" is the yaml number " + s.text() + ", which postgresql does not read as one: write it"
                    + " in quotes, or as { value: \"...\" }");
        }
        return new Expression(s.text(), s.location());
    }

    static void check(InsertData r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            c.columns(t, r.key, c.at("key"));
            List<String> key = r.key.isEmpty() ? t.primaryKey() : r.key;
            if (key.isEmpty()) {
                c.cannotApply(r.location, "table \"" + r.table + "\" has no primary key: insert_data needs \"key\"");
            }
            Map<List<String>, Row> seen = new HashMap<>();
            for (Row row : r.rows) {
                row.values().forEach((column, value) -> {
                    c.column(t, column, value.location());
                    c.constant(value, column);
                    t.column(column).ifPresent(col -> c.assignable(value, column, col.type(), Optional.empty()));
                });
                for (String k : key) {
                    if (!row.values().containsKey(k)) {
                        c.missing(row.location(), "row has no value for key column \"" + k + "\"");
                    }
                }
                missingRequired(t, key, row, c);
                if (row.values().keySet().containsAll(key) && !key.isEmpty()) {
                    List<String> values = key.stream().map(k -> row.values().get(k).sql()).toList();
                    Row first = seen.putIfAbsent(values, row);
                    if (first != null) {
                        c.insertKey(row.location(), "row has the same key " + Checks.quoted(key) + " = "
                                + String.join(", ", values) + " as the row at line " + first.location().line()
                                + ": each row is upserted once");
                    }
                }
            }
        });
    }

    /**
     * Not-null columns without a default that the row leaves out (PostgreSQL would insert NULL):
     * those the catalog declared so, as a column from elsewhere may be an identity; a column of an
     * open transition is filled by its trigger, a key column reported as such.
     */
    private static void missingRequired(TableView t, List<String> key, Row row, Checks c) {
        for (ColumnView column : t.columns()) {
            if (!column.nullable() && column.defaultValue().isEmpty() && !row.values().containsKey(column.name())
                    && !key.contains(column.name()) && c.mustInsert(t.name(), column.name())) {
                c.missing(row.location(), "row has no value for column \"" + column.name()
                        + "\", which is not null and has no default");
            }
        }
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
