package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.Objects;

/**
 * merge_columns' {@code into}: the new column plus the deterministic {@code from} expression
 * computing it from the merged columns.
 *
 * @param column the new column
 * @param from   its value, over the old row
 */
public record MergeTarget(ColumnDefinition column, Expression from) {

    public MergeTarget {
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

    static MergeTarget read(Fields in) {
        Expression from = in.expression("from", true);
        return new MergeTarget(ColumnDefinition.read(in), from);
    }

    YamlOut write() {
        return column.write().put("from", from);
    }
}
