package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.TypeChecks;
import dev.graft.catalog.internal.YamlOut;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code add_enum_value: {type, value, before | after}}: {@code ALTER TYPE ... ADD VALUE IF NOT
 * EXISTS}, at the end of the labels or next to {@code before}/{@code after}. It runs outside the
 * migration's transaction: a label added in a transaction cannot be used before it commits.
 *
 * @param location where the refactoring is written
 * @param type     the enum type, schema-qualified or in {@code public}
 * @param value    the new label
 * @param before   the label it goes before, if given
 * @param after    the label it goes after, if given
 */
public record AddEnumValue(Location location, TableName type, String value, Optional<String> before,
        Optional<String> after) implements Refactoring {

    public AddEnumValue {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(value, "value == null");
        Objects.requireNonNull(before, "before == null");
        Objects.requireNonNull(after, "after == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static AddEnumValue read(Fields in) {
        TableName type = in.table("type");
        String value = TypeChecks.label(in, "value");
        Optional<String> before = TypeChecks.optionalLabel(in, "before");
        Optional<String> after = TypeChecks.optionalLabel(in, "after");
        if (before.isPresent() && after.isPresent()) {
            in.conflict("before", "after");
        }
        return new AddEnumValue(in.location(), type, value, before, after);
    }

    static void check(AddEnumValue r, Checks c) {
        TypeChecks.enumType(c, r.type, c.at("type")).ifPresent(t -> {
            TypeChecks.lacksLabel(c, t, r.value, c.at("value"));
            r.before.ifPresent(b -> TypeChecks.hasLabel(c, t, b, c.at("before")));
            r.after.ifPresent(a -> TypeChecks.hasLabel(c, t, a, c.at("after")));
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.withTypeChanged(type, t -> t.withLabel(value, this.before.or(() -> after),
                this.before.isPresent()));
    }

    static YamlOut write(AddEnumValue r) {
        return YamlOut.map().put("type", r.type.toString()).put("value", r.value).put("before", r.before)
                .put("after", r.after);
    }
}
