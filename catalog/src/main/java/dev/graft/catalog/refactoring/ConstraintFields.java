package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.TableView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code add_constraint} accepts per kind, and its checks against the schema: which fields
 * each kind takes and needs, that the columns exist, that the name is free, that a table gets
 * one primary key.
 */
final class ConstraintFields {

    /** The fields only some kinds take. */
    private static final Map<String, Set<ConstraintKind>> ONLY = Map.ofEntries(
            Map.entry("columns", Set.of(ConstraintKind.UNIQUE, ConstraintKind.PRIMARY_KEY, ConstraintKind.FOREIGN_KEY)),
            Map.entry("check", Set.of(ConstraintKind.CHECK)),
            Map.entry("up", Set.of(ConstraintKind.CHECK)),
            Map.entry("references", Set.of(ConstraintKind.FOREIGN_KEY)),
            Map.entry("match", Set.of(ConstraintKind.FOREIGN_KEY)),
            Map.entry("orphans", Set.of(ConstraintKind.FOREIGN_KEY)),
            Map.entry("using", Set.of(ConstraintKind.EXCLUDE)),
            Map.entry("elements", Set.of(ConstraintKind.EXCLUDE)),
            Map.entry("where", Set.of(ConstraintKind.EXCLUDE)),
            Map.entry("deferrable", Set.of(ConstraintKind.UNIQUE, ConstraintKind.PRIMARY_KEY,
                    ConstraintKind.FOREIGN_KEY, ConstraintKind.EXCLUDE)),
            Map.entry("initially_deferred", Set.of(ConstraintKind.UNIQUE, ConstraintKind.PRIMARY_KEY,
                    ConstraintKind.FOREIGN_KEY, ConstraintKind.EXCLUDE)),
            Map.entry("nulls_not_distinct", Set.of(ConstraintKind.UNIQUE)),
            Map.entry("include", Set.of(ConstraintKind.UNIQUE, ConstraintKind.PRIMARY_KEY, ConstraintKind.EXCLUDE)),
            Map.entry("storage_parameters", Set.of(ConstraintKind.UNIQUE, ConstraintKind.PRIMARY_KEY,
                    ConstraintKind.EXCLUDE)),
            Map.entry("tablespace", Set.of(ConstraintKind.UNIQUE, ConstraintKind.PRIMARY_KEY, ConstraintKind.EXCLUDE)));

    private static final List<String> ORDER = List.of("columns", "check", "up", "references", "match", "orphans",
            "using", "elements", "where", "deferrable", "initially_deferred", "nulls_not_distinct", "include",
            "storage_parameters", "tablespace");

    private ConstraintFields() { }

    /** Fields the kind does not take, and the one it needs, reported where they are written. */
    static void checkKind(AddConstraint r, Fields in) {
        if (!in.has("kind")) {
            return;
        }
        String kind = r.kind().yaml();
        for (String key : ORDER) {
            if (in.has(key) && !ONLY.get(key).contains(r.kind())) {
                in.problems().report(in.at(key), ProblemCode.CONSTRAINT_OPTION, "\"" + key
                        + "\" does not apply to a " + kind + " constraint");
            }
        }
        String needed = switch (r.kind()) {
            case CHECK -> "check";
            case UNIQUE, PRIMARY_KEY -> "columns";
            case FOREIGN_KEY -> in.has("columns") ? "references" : "columns";
            case EXCLUDE -> "elements";
        };
        if (!in.has(needed)) {
            in.problems().report(in.location(), ProblemCode.CONSTRAINT_OPTION, "a " + kind + " constraint needs \""
                    + needed + "\"");
            in.markBroken();
        }
        if (in.has("name") && r.references().flatMap(ForeignKeyReference::name).isPresent()) {
            in.conflict("name", "references.name");
        }
    }

    static void check(AddConstraint r, Checks c) {
        c.table(r.table(), c.at("table")).ifPresent(t -> {
            c.columns(t, r.columns(), c.at("columns"));
            c.columns(t, r.index().include(), c.at("include"));
            c.columns(t, r.elementColumns(), c.at("elements"));
            r.check().ifPresent(e -> {
                c.expression(e, r.table(), t.columnNames());
                c.condition(e, "check", Optional.of(t));
            });
            r.up().forEach((column, value) -> {
                c.column(t, column, value.location());
                c.expression(value, r.table(), t.columnNames());
                t.column(column).ifPresent(col -> c.assignable(value, column, col.type(), Optional.of(t)));
            });
            r.elements().forEach(e -> e.expression().ifPresent(x -> c.expression(x, r.table(), t.columnNames())));
            r.where().ifPresent(w -> {
                c.expression(w, r.table(), t.columnNames());
                c.condition(w, "where", Optional.of(t));
            });
            if (r.kind() == ConstraintKind.FOREIGN_KEY && !r.columns().isEmpty()) {
                r.references().ifPresent(ref -> ref.check(c, r.columns()));
            }
            if (r.kind() == ConstraintKind.PRIMARY_KEY && !t.primaryKey().isEmpty()) {
                c.report(c.at("kind"), ProblemCode.HAS_PRIMARY_KEY, "table \"" + r.table()
                        + "\" already has primary key \"" + t.primaryKeyName().orElse("") + "\" "
                        + Checks.quoted(t.primaryKey()) + ": drop it first with drop_constraint");
            } else {
                free(c, t, r.constraintName(), r.kind().indexed(), c.at(r.name().isPresent() ? "name" : "kind"));
            }
        });
    }

    /**
     * The name is no constraint of the table and, for a kind backed by an index, no index or
     * table of its schema.
     */
    static void free(Checks c, TableView t, String name, boolean indexed, Location at) {
        if (t.constraintNames().contains(name)) {
            c.report(at, ProblemCode.CONSTRAINT_EXISTS, "constraint \"" + name + "\" already exists on table \""
                    + t.name() + "\"");
        } else if (indexed) {
            List<String> taken = new ArrayList<>();
            for (TableView other : c.schema().tables()) {
                if (other.name().schema().equals(t.name().schema())) {
                    taken.add(other.name().name());
                    other.indexes().forEach(i -> taken.add(i.name()));
                }
            }
            if (taken.contains(name)) {
                c.report(at, ProblemCode.CONSTRAINT_EXISTS, "\"" + name + "\" already names a table or index in"
                        + " schema \"" + t.name().schema() + "\": give the constraint another \"name\"");
            }
        }
    }
}
