package dev.graft.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A unique key (constraint, or unique index on plain columns without predicate).
 *
 * @param name    constraint or index name
 * @param columns its columns, in key order
 */
public record KeyView(String name, List<String> columns) {

    public KeyView {
        Objects.requireNonNull(name, "name == null");
        columns = List.copyOf(columns);
    }
}
