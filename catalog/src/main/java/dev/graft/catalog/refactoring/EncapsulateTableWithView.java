package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.ViewDefinition;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.Objects;

/**
 * {@code encapsulate_table_with_view: {table, view}}: an automatically updatable view over every
 * column of the table (Refactoring Databases' Encapsulate Table With View), for the new
 * application to read and write instead of the table. Nothing is removed: the table stays for the
 * applications that still use it, the view is the end state, so there is no {@code complete}. An
 * unqualified {@code view} is in the table's schema; the view lists the table's columns as they are
 * at this version.
 *
 * <pre>{@code
 * - encapsulate_table_with_view: { table: orders, view: orders_api }
 * }</pre>
 *
 * @param location where the refactoring is written
 * @param table    the table
 * @param view     the view's name
 */
public record EncapsulateTableWithView(Location location, TableName table, TableName view) implements Refactoring {

    public EncapsulateTableWithView {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(view, "view == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static EncapsulateTableWithView read(Fields in) {
        TableName table = in.table("table");
        String view = in.optionalString("view").orElse("");
        return new EncapsulateTableWithView(in.location(), table,
                view.contains(".") ? in.table("view") : table.withName(in.name("view")));
    }

    static void check(EncapsulateTableWithView r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            c.absentTable(r.view, c.at("view"));
            // the view would hold on to columns the open transition's contract must drop
            c.reshapesTable(r.table, r.location);
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        if (before.view(view).isPresent()) {
            return before;
        }
        return before.table(table).map(t -> before.withView(new ViewDefinition(view, t.columnNames()))).orElse(before);
    }

    static YamlOut write(EncapsulateTableWithView r) {
        return YamlOut.map().put("table", r.table.toString())
                .put("view", r.view.schema().equals(r.table.schema()) ? r.view.name() : r.view.toString());
    }
}
