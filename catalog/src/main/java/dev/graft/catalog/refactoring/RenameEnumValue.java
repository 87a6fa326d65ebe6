package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.TypeChecks;
import dev.graft.catalog.internal.YamlOut;
import java.util.Objects;

/**
 * {@code rename_enum_value: {type, from, to}}: {@code ALTER TYPE ... RENAME VALUE}, run only while
 * {@code pg_enum} still has {@code from} and not yet {@code to}. Stored values follow at once (a
 * label is a name for the same sort position), so there is no transition.
 *
 * @param location where the refactoring is written
 * @param type     the enum type, schema-qualified or in {@code public}
 * @param from     the current label
 * @param to       the new label
 */
public record RenameEnumValue(Location location, TableName type, String from, String to) implements Refactoring {

    public RenameEnumValue {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(from, "from == null");
        Objects.requireNonNull(to, "to == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static RenameEnumValue read(Fields in) {
        return new RenameEnumValue(in.location(), in.table("type"), TypeChecks.label(in, "from"),
                TypeChecks.label(in, "to"));
    }

    static void check(RenameEnumValue r, Checks c) {
        TypeChecks.enumType(c, r.type, c.at("type")).ifPresent(t -> {
            TypeChecks.hasLabel(c, t, r.from, c.at("from"));
            TypeChecks.lacksLabel(c, t, r.to, c.at("to"));
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.withTypeChanged(type, t -> t.labels().contains(to) ? t : t.withLabelRenamed(from, to));
    }

    static YamlOut write(RenameEnumValue r) {
        return YamlOut.map().put("type", r.type.toString()).put("from", r.from).put("to", r.to);
    }
}
