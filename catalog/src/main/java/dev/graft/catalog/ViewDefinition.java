package dev.graft.catalog;

import dev.graft.catalog.refactoring.TableName;
import java.util.List;
import java.util.Objects;

/**
 * A view: in a catalog, typically the updatable view that keeps a renamed table's old name
 * working during its transition.
 *
 * @param name    the view's name
 * @param columns its columns, in order
 */
public record ViewDefinition(TableName name, List<String> columns) {

    public ViewDefinition {
        Objects.requireNonNull(name, "name == null");
        columns = List.copyOf(columns);
    }
}
