package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.Objects;

/**
 * One of split_column's {@code into} columns: a column definition plus the deterministic
 * {@code from} expression computing it from the old column.
 *
 * @param column the new column
 * @param from   its value, over the old row
 */
public record SplitTarget(ColumnDefinition column, Expression from) {

    public SplitTarget {
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

    static SplitTarget read(Fields in) {
        Expression from = in.expression("from", true);
        return new SplitTarget(ColumnDefinition.read(in), from);
    }

    YamlOut write() {
        return column.write().put("from", from);
    }
}
