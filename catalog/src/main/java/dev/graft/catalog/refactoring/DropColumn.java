package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.List;
import java.util.Objects;

/**
 * {@code drop_column: {table, column}}: the expand makes the column optional for new writers
 * (drops NOT NULL, keeps the data); the contract drops it.
 *
 * @param location where the refactoring is written
 * @param table    the table
 * @param column   the column to drop
 */
public record DropColumn(Location location, TableName table, String column) implements Refactoring {

    public DropColumn {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(column, "column == null");
    }

    @Override
    public boolean isTransition() {
        return true;
    }

    static DropColumn read(Fields in) {
        return new DropColumn(in.location(), in.table("table"), in.name("column"));
    }

    static void check(DropColumn r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            c.column(t, r.column, c.at("column"));
            c.reshapes(r.table, List.of(r.column), r.location);
            c.opens(r.table, List.of(r.column));
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.withTableChanged(table, t -> t.withColumnChanged(column, c -> c.withNullable(true)));
    }

    @Override
    public SchemaView contract(SchemaView during) {
        return during.withTableChanged(table, t -> t.withoutColumn(column));
    }

    static YamlOut write(DropColumn r) {
        return YamlOut.map().put("table", r.table.toString()).put("column", r.column);
    }
}
