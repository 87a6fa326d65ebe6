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
 * {@code set_default: {table, column, default}}: the column's default becomes {@code default}
 * (a constant expression; volatile functions such as {@code now()} are fine). Existing rows are
 * not touched: a default fills only rows inserted without the column.
 *
 * @param location     where the refactoring is written
 * @param table        the table
 * @param column       the column
 * @param defaultValue the new default
 */
public record SetDefault(Location location, TableName table, String column, Expression defaultValue)
        implements Refactoring {

    public SetDefault {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(column, "column == null");
        Objects.requireNonNull(defaultValue, "defaultValue == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static SetDefault read(Fields in) {
        return new SetDefault(in.location(), in.table("table"), in.name("column"), in.expression("default", false));
    }

    static void check(SetDefault r, Checks c) {
        c.constant(r.defaultValue, "default");
        c.table(r.table, c.at("table")).ifPresent(t -> {
            if (!c.column(t, r.column, c.at("column"))) {
                return;
            }
            c.reshapes(r.table, List.of(r.column), r.location);
            var col = t.column(r.column).orElseThrow();
            if (ColumnProperties.identity(col).isPresent() || ColumnProperties.generated(col)) {
                c.report(c.at("column"), ProblemCode.NO_DEFAULT_HERE, "column \"" + r.column + "\" of table \""
                        + r.table + "\" is " + (ColumnProperties.generated(col) ? "a generated" : "an identity")
                        + " column and cannot have a default" + (ColumnProperties.generated(col) ? ""
                        : ": drop_identity first"));
            } else {
                c.assignable(r.defaultValue, "default", col.type(), Optional.empty());
            }
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.withTableChanged(table, t -> t.withColumnChanged(column,
                c -> c.withDefault(Optional.of(defaultValue.sql()))));
    }

    static YamlOut write(SetDefault r) {
        return YamlOut.map().put("table", r.table.toString()).put("column", r.column).put("default", r.defaultValue);
    }
}
