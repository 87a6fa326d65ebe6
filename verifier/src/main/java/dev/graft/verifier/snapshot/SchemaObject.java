package dev.graft.verifier.snapshot;

import java.util.Objects;

/**
 * One object of a schema snapshot.
 *
 * @param kind       what it is
 * @param name       its qualified name: {@code public.inventory.inventory_code} for a column,
 *                   {@code public.f(integer)} for a function
 * @param definition everything compared about it, as PostgreSQL prints it (type, default,
 *                   nullability, definition, comment, validity, ...)
 */
public record SchemaObject(ObjectKind kind, String name, String definition) {

    public SchemaObject {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(definition, "definition == null");
    }

    /** The key objects are matched by across snapshots: kind and name. */
    public String key() {
        return kind.label() + " " + name;
    }
}
