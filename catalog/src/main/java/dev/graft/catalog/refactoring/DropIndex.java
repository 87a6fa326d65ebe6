package dev.graft.catalog.refactoring;

import dev.graft.catalog.IndexView;
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
 * {@code drop_index: {name}} (schema-qualified if not in {@code public}) or {@code {table,
 * columns}} (the index over exactly those columns, in order): {@code DROP INDEX CONCURRENTLY IF
 * EXISTS}, outside a transaction. An index a constraint owns is dropped with
 * {@code drop_constraint}.
 *
 * @param location where the refactoring is written
 * @param name     the index, or empty to find it by table and columns
 * @param table    the indexed table (with {@code columns})
 * @param columns  the indexed columns
 */
public record DropIndex(Location location, Optional<TableName> name, Optional<TableName> table, List<String> columns)
        implements Refactoring {

    public DropIndex {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(table, "table == null");
        columns = List.copyOf(columns);
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static DropIndex read(Fields in) {
        Optional<TableName> name = in.has("name") ? Optional.of(in.table("name")) : Optional.empty();
        Optional<TableName> table = in.has("table") ? Optional.of(in.table("table")) : Optional.empty();
        List<String> columns = in.optionalNames("columns");
        if (name.isPresent() && (table.isPresent() || !columns.isEmpty())) {
            in.conflict("name", table.isPresent() ? "table" : "columns");
        } else if (name.isEmpty() && (table.isEmpty() || columns.isEmpty())) {
            if (table.isEmpty()) {
                in.needs("name", "or \"table\" and \"columns\"");
            } else {
                in.needs("table", "columns");
            }
            in.markBroken();
        }
        return new DropIndex(in.location(), name, table, columns);
    }

    static void check(DropIndex r, Checks c) {
        if (r.table.isPresent()) {
            c.table(r.table.get(), c.at("table")).ifPresent(t -> {
                if (c.columns(t, r.columns, c.at("columns")) && r.byShape(t).isEmpty() && c.exact()) {
                    c.report(c.at("columns"), ProblemCode.NO_SUCH_INDEX, "no index of table \"" + t.name()
                            + "\" is on exactly " + Checks.quoted(r.columns));
                }
                r.byShape(t).ifPresent(i -> owned(c, t, i.name(), c.at("columns")));
            });
            return;
        }
        TableName index = r.name.orElseThrow();
        Optional<TableView> key = c.schema().tables().stream().filter(t -> t.name().schema().equals(index.schema())
                && (t.uniqueKeys().stream().anyMatch(k -> k.name().equals(index.name()))
                        || t.primaryKeyName().filter(index.name()::equals).isPresent())).findFirst();
        if (key.isPresent()) {
            owned(c, key.get(), index.name(), c.at("name"));
            return;
        }
        Optional<TableView> owner = owner(c.schema(), index);
        if (owner.isEmpty() && c.exact()) {
            c.report(c.at("name"), ProblemCode.NO_SUCH_INDEX, "index \"" + index + "\" does not exist");
        }
        owner.ifPresent(t -> owned(c, t, index.name(), c.at("name")));
    }

    private static void owned(Checks c, TableView t, String index, Location at) {
        if (t.constraintNames().contains(index)) {
            c.report(at, ProblemCode.INDEX_OF_CONSTRAINT, "index \"" + index + "\" belongs to constraint \""
                    + index + "\" of table \"" + t.name() + "\": drop it with drop_constraint");
        }
    }

    /** The table holding the index of that (schema-qualified) name. */
    static Optional<TableView> owner(SchemaView schema, TableName index) {
        return schema.tables().stream().filter(t -> t.name().schema().equals(index.schema())
                && t.indexes().stream().anyMatch(i -> i.name().equals(index.name()))).findFirst();
    }

    /** The index of {@code t} over exactly {@code columns}, without expression or predicate. */
    public Optional<IndexView> byShape(TableView t) {
        return t.indexes().stream().filter(i -> i.columns().equals(columns) && i.expression().isEmpty()
                && i.where().isEmpty()).findFirst();
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        if (table.isPresent()) {
            return before.withTableChanged(table.get(), t -> byShape(t).map(i -> t.withoutIndex(i.name())).orElse(t));
        }
        TableName index = name.orElseThrow();
        return owner(before, index).map(t -> before.withTableChanged(t.name(), x -> x.withoutIndex(index.name())))
                .orElse(before);
    }

    static YamlOut write(DropIndex r) {
        YamlOut out = YamlOut.map();
        r.name.ifPresent(n -> out.put("name", n.toString()));
        r.table.ifPresent(t -> out.put("table", t.toString()));
        if (!r.columns.isEmpty()) {
            out.putNames("columns", r.columns);
        }
        return out;
    }
}
