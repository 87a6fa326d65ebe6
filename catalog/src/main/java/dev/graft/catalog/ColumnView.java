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
 * @param identity     for an identity column, {@code always} or {@code by default}
 * @param generated    for a stored generated column, its expression
 */
public record ColumnView(String name, String type, boolean nullable, Optional<String> defaultValue,
        Optional<String> identity, Optional<String> generated) {

    public ColumnView {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(defaultValue, "defaultValue == null");
        Objects.requireNonNull(identity, "identity == null");
        Objects.requireNonNull(generated, "generated == null");
    }

    /** A plain column: neither identity nor generated. */
    public ColumnView(String name, String type, boolean nullable, Optional<String> defaultValue) {
        this(name, type, nullable, defaultValue, Optional.empty(), Optional.empty());
    }

    public ColumnView withName(String newName) {
        return new ColumnView(newName, type, nullable, defaultValue, identity, generated);
    }

    public ColumnView withType(String newType) {
        return new ColumnView(name, newType, nullable, defaultValue, identity, generated);
    }

    public ColumnView withNullable(boolean isNullable) {
        return new ColumnView(name, type, isNullable, defaultValue, identity, generated);
    }

    public ColumnView withDefault(Optional<String> newDefault) {
        return new ColumnView(name, type, nullable, newDefault, identity, generated);
    }

    /** The same column made an identity ({@code always} or {@code by default}), or no longer one. */
    public ColumnView withIdentity(Optional<String> newIdentity) {
        return new ColumnView(name, type, nullable, defaultValue, newIdentity, generated);
    }
}
