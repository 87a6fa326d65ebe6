package dev.graft.catalog.refactoring;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code introduce_history_table: {table, history}}: a history table (default
 * {@code <table>_history}) holding the table's columns, as they are at this version, plus
 * {@code operation} ({@code INSERT}, {@code UPDATE}, {@code DELETE}), {@code changed_at} and
 * {@code txid}, and an AFTER trigger that records every row change into it (Refactoring Databases'
 * Introduce Trigger For History): the row as written, or as it was for a DELETE. Nothing is removed
 * later: there is no {@code complete}.
 *
 * <pre>{@code
 * - introduce_history_table: { table: product }
 * }</pre>
 *
 * @param location where the refactoring is written
 * @param table    the table whose changes are recorded
 * @param history  the history table
 */
public record IntroduceHistoryTable(Location location, TableName table, TableName history) implements Refactoring {

    /** The columns the history adds to the table's, with their types. */
    public static final List<List<String>> RECORD = List.of(List.of("operation", "text"),
            List.of("changed_at", "timestamptz"), List.of("txid", "bigint"));

    public IntroduceHistoryTable {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(history, "history == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static IntroduceHistoryTable read(Fields in) {
        TableName table = in.table("table");
        String history = in.optionalString("history").orElse("");
        TableName name = history.isEmpty() ? table.withName(table.name() + "_history")
                : history.contains(".") ? in.table("history") : table.withName(in.name("history"));
        return new IntroduceHistoryTable(in.location(), table, name);
    }

    static void check(IntroduceHistoryTable r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            c.absentTable(r.history, c.at("history"));
            for (List<String> added : RECORD) {
                if (t.hasColumn(added.get(0))) {
                    c.report(c.at("table"), ProblemCode.HISTORY_COLUMN_TAKEN, "table \"" + r.table + "\" has a column \""
                            + added.get(0) + "\", which the history table records the change in: rename it first");
                }
            }
        });
    }

    /** The history table's columns: the table's, all nullable and without defaults, then the record's. */
    public static List<ColumnView> columns(TableView t) {
        List<ColumnView> columns = new ArrayList<>();
        for (ColumnView c : t.columns()) {
            columns.add(new ColumnView(c.name(), plainType(c.type()), true, Optional.empty()));
        }
        for (List<String> added : RECORD) {
            columns.add(new ColumnView(added.get(0), added.get(1), false, Optional.empty()));
        }
        return columns;
    }

    /** A serial's values are copied, not drawn: its integer type. */
    static String plainType(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "serial", "serial4" -> "integer";
            case "bigserial", "serial8" -> "bigint";
            case "smallserial", "serial2" -> "smallint";
            default -> type;
        };
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        if (before.table(history).isPresent()) {
            return before;
        }
        return before.table(table).map(t -> before.withTable(TableView.of(history, columns(t)))).orElse(before);
    }

    static YamlOut write(IntroduceHistoryTable r) {
        YamlOut out = YamlOut.map().put("table", r.table.toString());
        if (!r.history.equals(r.table.withName(r.table.name() + "_history"))) {
            out.put("history", r.history.schema().equals(r.table.schema()) ? r.history.name() : r.history.toString());
        }
        return out;
    }
}
