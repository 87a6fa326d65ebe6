package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.List;
import java.util.Objects;

/**
 * {@code drop_not_null: {table, column}}: the column accepts NULL. A primary key or identity
 * column cannot (PostgreSQL keeps them NOT NULL), so those are rejected where written.
 *
 * @param location where the refactoring is written
 * @param table    the table
 * @param column   the column
 */
public record DropNotNull(Location location, TableName table, String column) implements Refactoring {

    public DropNotNull {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(column, "column == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static DropNotNull read(Fields in) {
        return new DropNotNull(in.location(), in.table("table"), in.name("column"));
    }

    static void check(DropNotNull r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            if (!c.column(t, r.column, c.at("column"))) {
                return;
            }
            c.reshapes(r.table, List.of(r.column), r.location);
            if (t.primaryKey().contains(r.column)) {
                c.report(c.at("column"), ProblemCode.KEEPS_NOT_NULL, "column \"" + r.column + "\" is in the primary key"
                        + " of table \"" + r.table + "\", which keeps it NOT NULL");
            } else if (ColumnProperties.identity(t.column(r.column).orElseThrow()).isPresent()) {
                c.report(c.at("column"), ProblemCode.KEEPS_NOT_NULL, "column \"" + r.column + "\" of table \""
                        + r.table + "\" is an identity column, which is always NOT NULL: drop_identity first");
            }
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.withTableChanged(table, t -> t.withColumnChanged(column, c -> c.withNullable(true)));
    }

    static YamlOut write(DropNotNull r) {
        return YamlOut.map().put("table", r.table.toString()).put("column", r.column);
    }
}
