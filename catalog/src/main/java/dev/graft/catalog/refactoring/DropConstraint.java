package dev.graft.catalog.refactoring;

import dev.graft.catalog.ForeignKeyView;
import dev.graft.catalog.KeyView;
import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code drop_constraint: {table, name}} or, by shape, {@code {table, kind, columns}} (a unique
 * key, primary key or foreign key over exactly those columns, in order, found in
 * {@code pg_catalog} when the migration runs): {@code DROP CONSTRAINT IF EXISTS}.
 *
 * @param location where the refactoring is written
 * @param table    the table
 * @param name     the constraint's name, or empty to find it by shape
 * @param kind     the shape's kind: unique, primary_key or foreign_key
 * @param columns  the shape's columns (a primary key may leave them out)
 */
public record DropConstraint(Location location, TableName table, Optional<String> name, Optional<ConstraintKind> kind,
        List<String> columns) implements Refactoring {

    private static final List<String> SHAPES = List.of("unique", "primary_key", "foreign_key");

    public DropConstraint {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(kind, "kind == null");
        columns = List.copyOf(columns);
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static DropConstraint read(Fields in) {
        TableName table = in.table("table");
        Optional<String> name = in.optionalName("name");
        Optional<ConstraintKind> kind = in.has("kind") ? Optional.of(in.choice("kind",
                k -> ConstraintKind.parse(k).filter(x -> SHAPES.contains(x.yaml())), SHAPES, ConstraintKind.UNIQUE))
                : Optional.empty();
        if (kind.isPresent() && in.optionalString("kind").flatMap(ConstraintKind::parse)
                .filter(k -> SHAPES.contains(k.yaml())).isEmpty()) {
            in.markBroken();
        }
        List<String> columns = in.optionalNames("columns");
        if (name.isPresent() && (kind.isPresent() || !columns.isEmpty())) {
            in.conflict("name", kind.isPresent() ? "kind" : "columns");
        } else if (name.isEmpty() && kind.isEmpty()) {
            in.needs("name", "or \"kind\" and \"columns\"");
            in.markBroken();
        } else if (name.isEmpty() && columns.isEmpty() && kind.get() != ConstraintKind.PRIMARY_KEY) {
            in.problems().report(in.location(), ProblemCode.CONSTRAINT_OPTION, "a " + kind.get().yaml()
                    + " constraint is found by \"kind\" and \"columns\": name its columns, or give \"name\"");
        }
        return new DropConstraint(in.location(), table, name, kind, columns);
    }

    static void check(DropConstraint r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            c.columns(t, r.columns, c.at("columns"));
            if (r.resolve(t).isEmpty() && c.exact()) {
                String what = r.name.map(n -> "constraint \"" + n + "\"").orElseGet(() -> "no " + r.kind.get().yaml()
                        + " constraint" + (r.columns.isEmpty() ? "" : " on " + Checks.quoted(r.columns)));
                c.report(c.at(r.name.isPresent() ? "name" : "kind"), ProblemCode.NO_SUCH_CONSTRAINT, what
                        + (r.name.isPresent() ? " does not exist" : " exists") + " on table \"" + r.table + "\""
                        + (r.name.isPresent() && !t.constraintNames().isEmpty()
                                ? "; it has " + String.join(", ", t.constraintNames().stream()
                                        .map(n -> "\"" + n + "\"").toList()) : ""));
            }
        });
    }

    /** The name of the constraint in the schema view: as given if it exists, else the one of that shape. */
    public Optional<String> resolve(TableView t) {
        if (name.isPresent()) {
            return name.filter(t.constraintNames()::contains);
        }
        return switch (kind.orElseThrow()) {
            case PRIMARY_KEY -> t.primaryKeyName().filter(n -> columns.isEmpty() || columns.equals(t.primaryKey()));
            case UNIQUE -> t.uniqueKeys().stream().filter(k -> k.columns().equals(columns))
                    .map(KeyView::name).findFirst();
            case FOREIGN_KEY -> t.foreignKeys().stream().filter(k -> k.columns().equals(columns))
                    .map(ForeignKeyView::name).findFirst();
            default -> Optional.empty();
        };
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.withTableChanged(table, t -> resolve(t).map(t::withoutConstraint).orElse(t));
    }

    static YamlOut write(DropConstraint r) {
        YamlOut out = YamlOut.map().put("table", r.table.toString()).put("name", r.name);
        r.kind.ifPresent(k -> out.put("kind", k.yaml()));
        if (!r.columns.isEmpty()) {
            out.putNames("columns", r.columns);
        }
        return out;
    }
}
