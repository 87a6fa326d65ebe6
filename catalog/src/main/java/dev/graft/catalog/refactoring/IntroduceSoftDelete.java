package dev.graft.catalog.refactoring;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.ViewDefinition;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code introduce_soft_delete: {table, column, view}}: a nullable {@code timestamptz} column
 * (default name {@code deleted_at}) and an automatically updatable view of the live rows (default
 * {@code <table>_live}: the table's columns where the new one is NULL), through which a DELETE
 * marks the row deleted instead of removing it. Applications that still use the table see every
 * row, as before. Nothing is removed later: there is no {@code complete}.
 *
 * <pre>{@code
 * - introduce_soft_delete: { table: product }
 * }</pre>
 *
 * @param location where the refactoring is written
 * @param table    the table
 * @param column   the deletion time's column
 * @param view     the view of the live rows
 */
public record IntroduceSoftDelete(Location location, TableName table, String column, TableName view)
        implements Refactoring {

    /** The type of the deletion time. */
    public static final String TYPE = "timestamptz";

    public IntroduceSoftDelete {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(column, "column == null");
        Objects.requireNonNull(view, "view == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static IntroduceSoftDelete read(Fields in) {
        TableName table = in.table("table");
        String column = in.optionalName("column").orElse("deleted_at");
        String view = in.optionalString("view").orElse("");
        TableName live = view.isEmpty() ? table.withName(table.name() + "_live")
                : view.contains(".") ? in.table("view") : table.withName(in.name("view"));
        return new IntroduceSoftDelete(in.location(), table, column, live);
    }

    static void check(IntroduceSoftDelete r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            c.absentColumn(t, r.column, c.at("column"));
            c.absentTable(r.view, c.at("view"));
            c.rowKey(t, r.location, "introduce_soft_delete");
            // the view would hold on to columns the open transition's contract must drop
            c.reshapesTable(r.table, r.location);
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        if (before.view(view).isPresent()) {
            return before;
        }
        return before.table(table).map(t -> before.withTable(t.withColumn(new ColumnView(column, TYPE, true,
                Optional.empty()))).withView(new ViewDefinition(view, t.columnNames()))).orElse(before);
    }

    static YamlOut write(IntroduceSoftDelete r) {
        YamlOut out = YamlOut.map().put("table", r.table.toString());
        if (!r.column.equals("deleted_at")) {
            out.put("column", r.column);
        }
        if (!r.view.equals(r.table.withName(r.table.name() + "_live"))) {
            out.put("view", r.view.schema().equals(r.table.schema()) ? r.view.name() : r.view.toString());
        }
        return out;
    }
}
