package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.ViewDefinition;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.List;
import java.util.Objects;

/**
 * {@code rename_table: {from, to, keep_view}}: the expand renames the table and leaves an updatable
 * view under the old name; the contract drops the view, unless {@code keep_view: true} keeps it for
 * good (Refactoring Databases' Rename Table with the old name encapsulated: applications that are
 * never changed keep working). An unqualified {@code to} stays in {@code from}'s schema.
 *
 * <pre>{@code
 * - rename_table: { from: inventory, to: stock_item, keep_view: true }
 * }</pre>
 *
 * @param location where the refactoring is written
 * @param from     the current name
 * @param to       the new name, in the same schema
 * @param keepView whether the view under the old name outlives the contract
 */
public record RenameTable(Location location, TableName from, TableName to, boolean keepView) implements Refactoring {

    public RenameTable {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(from, "from == null");
        Objects.requireNonNull(to, "to == null");
    }

    /** A rename whose view goes with the contract. */
    public RenameTable(Location location, TableName from, TableName to) {
        this(location, from, to, false);
    }

    @Override
    public boolean isTransition() {
        return true;
    }

    static RenameTable read(Fields in) {
        TableName from = in.table("from");
        String to = in.optionalString("to").orElse("");
        TableName target = to.contains(".") ? in.table("to") : from.withName(in.name("to"));
        return new RenameTable(in.location(), from, target, in.flag("keep_view", false));
    }

    static void check(RenameTable r, Checks c) {
        c.table(r.from, c.at("from")).ifPresent(t -> {
            if (!r.to.schema().equals(r.from.schema())) {
                c.cannotApply(c.at("to"), "rename_table cannot move table \"" + r.from + "\" to schema \""
                        + r.to.schema() + "\"");
            }
            c.absentTable(r.to, c.at("to"));
            c.reshapesTable(r.from, r.location);
            c.opensTable(List.of(r.from, r.to));
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        if (before.table(to).isPresent()) {
            return before;
        }
        return before.table(from).map(t -> before.withoutTable(from).withTable(t.renamed(to))
                .withView(new ViewDefinition(from, t.columnNames()))).orElse(before);
    }

    @Override
    public SchemaView contract(SchemaView during) {
        return keepView ? during : during.withoutView(from);
    }

    static YamlOut write(RenameTable r) {
        YamlOut out = YamlOut.map().put("from", r.from.toString())
                .put("to", r.to.schema().equals(TableName.DEFAULT_SCHEMA) ? r.to.name() : r.to.toString());
        return r.keepView ? out.put("keep_view", true) : out;
    }

}
