package dev.graft.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An index.
 *
 * @param name       index name
 * @param columns    the plain columns it covers (empty for an expression index)
 * @param expression the indexed expression, for an expression index
 * @param unique     whether it is unique
 * @param where      the predicate of a partial index
 */
public record IndexView(String name, List<String> columns, Optional<String> expression, boolean unique,
        Optional<String> where) {

    public IndexView {
        Objects.requireNonNull(name, "name == null");
        columns = List.copyOf(columns);
        Objects.requireNonNull(expression, "expression == null");
        Objects.requireNonNull(where, "where == null");
    }
}
