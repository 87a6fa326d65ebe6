package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.Objects;

/**
 * {@code rename_constraint: {table, from, to}}: {@code RENAME CONSTRAINT} while {@code from}
 * exists and {@code to} does not; a key's index is renamed with it, as PostgreSQL does.
 *
 * @param location where the refactoring is written
 * @param table    the table
 * @param from     the constraint's name
 * @param to       its new name
 */
public record RenameConstraint(Location location, TableName table, String from, String to) implements Refactoring {

    public RenameConstraint {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(from, "from == null");
        Objects.requireNonNull(to, "to == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static RenameConstraint read(Fields in) {
        return new RenameConstraint(in.location(), in.table("table"), in.name("from"), in.name("to"));
    }

    static void check(RenameConstraint r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            boolean exists = t.constraintNames().contains(r.from);
            if (!exists && c.exact()) {
                c.report(c.at("from"), ProblemCode.NO_SUCH_CONSTRAINT, "constraint \"" + r.from
                        + "\" does not exist on table \"" + r.table + "\"");
            }
            boolean indexed = t.indexes().stream().anyMatch(i -> i.name().equals(r.from))
                    || t.uniqueKeys().stream().anyMatch(k -> k.name().equals(r.from))
                    || t.primaryKeyName().filter(r.from::equals).isPresent();
            ConstraintFields.free(c, t, r.to, indexed, c.at("to"));
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.withTableChanged(table, t -> t.constraintNames().contains(from)
                ? t.withConstraintRenamed(from, to) : t);
    }

    static YamlOut write(RenameConstraint r) {
        return YamlOut.map().put("table", r.table.toString()).put("from", r.from).put("to", r.to);
    }
}
