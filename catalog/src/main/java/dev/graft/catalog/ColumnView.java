package dev.graft.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * A column as it stands at a point of the catalog.
 *
 * @param name         exact name
 * @param type         SQL type as written (catalog) or as {@code format_type} shows it (database)
 * @param nullable     whether NULL is allowed
 * @param defaultValue the default expression, if any
 */
public record ColumnView(String name, String type, boolean nullable, Optional<String> defaultValue) {

    public ColumnView {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(defaultValue, "defaultValue == null");
    }

    public ColumnView withName(String newName) {
        return new ColumnView(newName, type, nullable, defaultValue);
    }

    public ColumnView withType(String newType) {
        return new ColumnView(name, newType, nullable, defaultValue);
    }

    public ColumnView withNullable(boolean isNullable) {
        return new ColumnView(name, type, isNullable, defaultValue);
    }

    public ColumnView withDefault(Optional<String> newDefault) {
        return new ColumnView(name, type, nullable, newDefault);
    }
}
