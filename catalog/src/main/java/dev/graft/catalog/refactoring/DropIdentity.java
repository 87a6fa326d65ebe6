package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code drop_identity: {table, column}}: the column is no identity any more and its sequence is
 * dropped; the values and NOT NULL stay, new rows must give the column a value (or a later
 * {@code set_default} gives one).
 *
 * @param location where the refactoring is written
 * @param table    the table
 * @param column   the column
 */
public record DropIdentity(Location location, TableName table, String column) implements Refactoring {

    public DropIdentity {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(column, "column == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static DropIdentity read(Fields in) {
        return new DropIdentity(in.location(), in.table("table"), in.name("column"));
    }

    static void check(DropIdentity r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            if (!c.column(t, r.column, c.at("column"))) {
                return;
            }
            c.reshapes(r.table, List.of(r.column), r.location);
            var col = t.column(r.column).orElseThrow();
            if (ColumnProperties.identity(col).isEmpty() && c.schema().isExact()) {
                c.report(c.at("column"), ProblemCode.NOT_IDENTITY, "column \"" + r.column + "\" of table \""
                        + r.table + "\" is not an identity column" + (ColumnProperties.serial(col)
                        ? " (it is a serial: drop_default removes its nextval)" : ""));
            }
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.withTableChanged(table, t -> t.withColumnChanged(column, c -> c.withIdentity(Optional.empty())
                .withType(ColumnProperties.withoutIdentity(c.type()))));
    }

    static YamlOut write(DropIdentity r) {
        return YamlOut.map().put("table", r.table.toString()).put("column", r.column);
    }
}
