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
 * {@code drop_default: {table, column}}: the column has no default any more; rows inserted
 * without it get NULL (or fail, for a NOT NULL column). A column without a default is left as it is.
 *
 * @param location where the refactoring is written
 * @param table    the table
 * @param column   the column
 */
public record DropDefault(Location location, TableName table, String column) implements Refactoring {

    public DropDefault {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(column, "column == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static DropDefault read(Fields in) {
        return new DropDefault(in.location(), in.table("table"), in.name("column"));
    }

    static void check(DropDefault r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            if (!c.column(t, r.column, c.at("column"))) {
                return;
            }
            c.reshapes(r.table, List.of(r.column), r.location);
            var col = t.column(r.column).orElseThrow();
            if (ColumnProperties.generated(col)) {
                c.report(c.at("column"), ProblemCode.NO_DEFAULT_HERE, "column \"" + r.column + "\" of table \""
                        + r.table + "\" is a generated column: its expression is not a default");
            } else if (ColumnProperties.identity(col).isPresent()) {
                c.report(c.at("column"), ProblemCode.NO_DEFAULT_HERE, "column \"" + r.column + "\" of table \""
                        + r.table + "\" is an identity column, which has no default: use drop_identity");
            }
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.withTableChanged(table, t -> t.withColumnChanged(column, c -> c.withDefault(Optional.empty())
                .withType(ColumnProperties.withoutSerial(c.type()))));
    }

    static YamlOut write(DropDefault r) {
        return YamlOut.map().put("table", r.table.toString()).put("column", r.column);
    }
}
