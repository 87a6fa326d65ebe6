package dev.graft.catalog;

import dev.graft.catalog.refactoring.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A type of the user's own, as it stands at a point of the catalog: an enum (its labels in sort
 * order) or a composite (its attributes). Columns use it written schema-qualified
 * ({@code public.mood}).
 *
 * @param name       its schema-qualified name
 * @param labels     an enum's labels in sort order (empty for a composite)
 * @param attributes a composite's attributes in order (empty for an enum)
 */
public record TypeView(TableName name, List<String> labels, List<Attribute> attributes) {

    /**
     * One attribute of a composite type.
     *
     * @param name its name
     * @param type its SQL type as written
     */
    public record Attribute(String name, String type) {
        public Attribute {
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(type, "type == null");
        }
    }

    public TypeView {
        Objects.requireNonNull(name, "name == null");
        labels = List.copyOf(labels);
        attributes = List.copyOf(attributes);
    }

    /** An enum type with these labels. */
    public static TypeView enumOf(TableName name, List<String> labels) {
        return new TypeView(name, labels, List.of());
    }

    /** Whether it is an enum (a composite has attributes). */
    public boolean isEnum() {
        return attributes.isEmpty();
    }

    /** The same enum with {@code label} placed before or after {@code neighbour} (at the end without one). */
    public TypeView withLabel(String label, java.util.Optional<String> neighbour, boolean before) {
        if (labels.contains(label)) {
            return this;
        }
        List<String> more = new ArrayList<>(labels);
        int at = neighbour.map(more::indexOf).filter(i -> i >= 0).map(i -> before ? i : i + 1).orElse(more.size());
        more.add(at, label);
        return new TypeView(name, more, attributes);
    }

    /** The same enum with label {@code from} renamed {@code to}. */
    public TypeView withLabelRenamed(String from, String to) {
        return new TypeView(name, labels.stream().map(l -> l.equals(from) ? to : l).toList(), attributes);
    }
}
