package dev.graft.verifier.snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The schema of a database at one moment, read from {@code pg_catalog}: tables, columns (type,
 * default, nullability, identity, collation), constraints, indexes (with validity), triggers,
 * functions, views, sequences, enum and domain types, and the comments on all of them. Objects
 * of system schemas and of extensions are left out. Column positions are not compared.
 *
 * <pre>{@code
 * SchemaSnapshot before = SchemaSnapshot.read(connection);
 * // ... run a migration ...
 * SchemaDiff diff = before.diff(SchemaSnapshot.read(connection));
 * }</pre>
 *
 * @param objects every object by {@link SchemaObject#key()}
 */
public record SchemaSnapshot(Map<String, SchemaObject> objects) {

    public SchemaSnapshot {
        objects = Collections.unmodifiableMap(new TreeMap<>(objects));
    }

    /** A snapshot of the objects given. */
    public static SchemaSnapshot of(Collection<SchemaObject> objects) {
        Map<String, SchemaObject> byKey = new TreeMap<>();
        objects.forEach(o -> byKey.put(o.key(), o));
        return new SchemaSnapshot(byKey);
    }

    /**
     * Reads the schema of the database {@code connection} is connected to.
     *
     * @throws SQLException if the catalog cannot be read
     */
    public static SchemaSnapshot read(Connection connection) throws SQLException {
        return of(new CatalogQueries(connection).all());
    }

    /** The object of that kind and name. */
    public Optional<SchemaObject> find(ObjectKind kind, String name) {
        return Optional.ofNullable(objects.get(kind.label() + " " + name));
    }

    /** Every object of one kind, ordered by name. */
    public List<SchemaObject> ofKind(ObjectKind kind) {
        List<SchemaObject> found = new ArrayList<>();
        objects.values().stream().filter(o -> o.kind() == kind).forEach(found::add);
        return found;
    }

    /** What changed from this snapshot to {@code after}. */
    public SchemaDiff diff(SchemaSnapshot after) {
        Objects.requireNonNull(after, "after == null");
        List<SchemaObject> added = new ArrayList<>();
        List<SchemaObject> removed = new ArrayList<>();
        List<SchemaDiff.Change> changed = new ArrayList<>();
        for (SchemaObject old : objects.values()) {
            SchemaObject now = after.objects.get(old.key());
            if (now == null) {
                removed.add(old);
            } else if (!now.definition().equals(old.definition())) {
                changed.add(new SchemaDiff.Change(old.kind(), old.name(), old.definition(), now.definition()));
            }
        }
        after.objects.values().stream().filter(o -> !objects.containsKey(o.key())).forEach(added::add);
        return new SchemaDiff(added, removed, changed);
    }
}
