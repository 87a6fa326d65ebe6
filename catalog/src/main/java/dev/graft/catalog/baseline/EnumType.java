package dev.graft.catalog.baseline;

import dev.graft.catalog.refactoring.TableName;
import java.util.List;
import java.util.Objects;

/**
 * An enum type.
 *
 * @param name   its schema-qualified name
 * @param labels its labels, in sort order
 */
public record EnumType(TableName name, List<String> labels) {

    public EnumType {
        Objects.requireNonNull(name, "name == null");
        labels = List.copyOf(labels);
    }
}
