package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.TypeView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.TypeChecks;
import dev.graft.catalog.internal.YamlOut;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code create_type: {name, enum: [labels]}} or {@code {name, attributes: [{name, type}]}}: an
 * enum or composite type, created once (guarded on {@code pg_type}). Columns use it written
 * schema-qualified, as in {@code type: public.mood}.
 *
 * @param location   where the refactoring is written
 * @param name       the type, schema-qualified or in {@code public}
 * @param labels     an enum's labels in sort order (empty for a composite)
 * @param attributes a composite's attributes (empty for an enum)
 */
public record CreateType(Location location, TableName name, List<String> labels, List<TypeView.Attribute> attributes)
        implements Refactoring {

    public CreateType {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(name, "name == null");
        labels = List.copyOf(labels);
        attributes = List.copyOf(attributes);
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    /** Whether it is an enum (a composite has attributes). */
    public boolean isEnum() {
        return attributes.isEmpty();
    }

    static CreateType read(Fields in) {
        TableName name = in.table("name");
        boolean isEnum = in.has("enum");
        boolean composite = in.has("attributes");
        if (isEnum && composite) {
            in.conflict("enum", "attributes");
        } else if (!isEnum && !composite) {
            in.problems().report(in.location(), ProblemCode.MISSING_KEY,
                    "missing required key \"enum\" or \"attributes\" in \"create_type\"");
            in.markBroken();
        }
        List<String> labels = isEnum ? TypeChecks.labels(in, "enum") : List.of();
        List<TypeView.Attribute> attributes = composite && !isEnum
                ? in.list("attributes", a -> new TypeView.Attribute(a.name("name"), a.type("type"))) : List.of();
        return new CreateType(in.location(), name, labels, attributes);
    }

    static void check(CreateType r, Checks c) {
        TypeChecks.absent(c, r.name, c.at("name"));
        List<String> seen = new ArrayList<>();
        for (TypeView.Attribute a : r.attributes) {
            if (seen.contains(a.name())) {
                c.duplicate(c.at("attributes"), a.name(), "attributes");
            }
            seen.add(a.name());
        }
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.type(name).isPresent() ? before : before.withType(new TypeView(name, labels, attributes));
    }

    static YamlOut write(CreateType r) {
        YamlOut out = YamlOut.map().put("name", r.name.toString());
        if (r.isEnum()) {
            return out.put("enum", YamlOut.list(r.labels.stream().map(YamlOut::text).toList()));
        }
        return out.putList("attributes", r.attributes, a -> YamlOut.map().put("name", a.name()).put("type", a.type()));
    }
}
