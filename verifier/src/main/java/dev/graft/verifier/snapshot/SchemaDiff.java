package dev.graft.verifier.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The difference between two schema snapshots, as data.
 *
 * @param added   objects only the later snapshot has
 * @param removed objects only the earlier snapshot has
 * @param changed objects both have with different definitions
 */
public record SchemaDiff(List<SchemaObject> added, List<SchemaObject> removed, List<Change> changed) {

    public SchemaDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** No difference. */
    public static SchemaDiff none() {
        return new SchemaDiff(List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** The same diff without the objects {@code ignored} matches. */
    public SchemaDiff without(java.util.function.Predicate<SchemaObject> ignored) {
        return new SchemaDiff(added.stream().filter(ignored.negate()).toList(),
                removed.stream().filter(ignored.negate()).toList(),
                changed.stream().filter(c -> !ignored.test(new SchemaObject(c.kind(), c.name(), c.after()))).toList());
    }

    /** The user's objects: this diff without {@linkplain GraftHelpers Graft's helper objects}. */
    public SchemaDiff users() {
        return new SchemaDiff(added.stream().filter(o -> !GraftHelpers.isHelper(o)).toList(),
                removed.stream().filter(o -> !GraftHelpers.isHelper(o)).toList(),
                changed.stream().filter(c -> !GraftHelpers.isHelper(c)).toList());
    }

    /** Only {@linkplain GraftHelpers Graft's helper objects}: its transition functions, triggers and defaults. */
    public SchemaDiff graftHelpers() {
        return new SchemaDiff(added.stream().filter(GraftHelpers::isHelper).toList(),
                removed.stream().filter(GraftHelpers::isHelper).toList(),
                changed.stream().filter(GraftHelpers::isHelper).toList());
    }

    /** {@code 3 added, 0 removed, 1 changed}. */
    public String counts() {
        return added.size() + " added, " + removed.size() + " removed, " + changed.size() + " changed";
    }

    /** One line per difference, {@code + column public.t.c: integer}, for logs and failure details. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        added.forEach(o -> lines.add("+ " + o.kind().label() + " " + o.name() + ": " + o.definition()));
        removed.forEach(o -> lines.add("- " + o.kind().label() + " " + o.name() + ": " + o.definition()));
        changed.forEach(c -> lines.add("~ " + c.kind().label() + " " + c.name() + ": " + c.before() + " -> " + c.after()));
        return lines;
    }

    /**
     * An object whose definition changed.
     *
     * @param kind   what it is
     * @param name   its qualified name
     * @param before the earlier definition
     * @param after  the later definition
     */
    public record Change(ObjectKind kind, String name, String before, String after) {
        public Change {
            Objects.requireNonNull(kind, "kind == null");
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(before, "before == null");
            Objects.requireNonNull(after, "after == null");
        }
    }
}
