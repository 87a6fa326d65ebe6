package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.Objects;

/**
 * A new column computed from the old shape: one of split_column's {@code into} columns, or
 * merge_columns' {@code into}. A column definition plus the deterministic {@code from} expression.
 *
 * @param column the new column
 * @param from   its value, over the old row
 */
public record DerivedColumn(ColumnDefinition column, Expression from) {

    public DerivedColumn {
        Objects.requireNonNull(column, "column == null");
        Objects.requireNonNull(from, "from == null");
    }

    public Location location() {
        return column.location();
    }

    public String name() {
        return column.name();
    }

    public String type() {
        return column.type();
    }

    static DerivedColumn read(Fields in) {
        Expression from = in.expression("from", true);
        return new DerivedColumn(ColumnDefinition.read(in), from);
    }

    YamlOut write() {
        return column.write().put("from", from);
    }
}
