package dev.graft.catalog.refactoring;

import dev.graft.catalog.ConstraintNames;
import dev.graft.catalog.ForeignKeyView;
import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code add_foreign_key: {table, columns, references, on_delete, on_update, name, orphans}}:
 * the constraint NOT VALID, the orphan policy, then VALIDATE. {@code on_delete},
 * {@code on_update} and {@code name} may be written at the top or inside {@code references}.
 *
 * @param location   where the refactoring is written
 * @param table      the referencing table
 * @param columns    the referencing columns
 * @param references the referenced table and columns, actions and constraint name
 * @param orphans    what to do with existing rows that reference nothing
 */
public record AddForeignKey(Location location, TableName table, List<String> columns,
        ForeignKeyReference references, Orphans orphans) implements Refactoring {

    static final List<String> ORPHANS = Arrays.stream(Orphans.values()).map(Orphans::yaml).toList();

    public AddForeignKey {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        columns = List.copyOf(columns);
        Objects.requireNonNull(references, "references == null");
        Objects.requireNonNull(orphans, "orphans == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static AddForeignKey read(Fields in) {
        TableName table = in.table("table");
        List<String> columns = in.names("columns");
        Optional<ForeignKeyReference> read = in.object("references", ForeignKeyReference::read);
        ForeignKeyReference ref = read.orElse(new ForeignKeyReference(in.location(), TableName.of(""), List.of(),
                ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION, Optional.empty()));
        ReferentialAction onDelete = in.choice("on_delete", ReferentialAction::parse, ForeignKeyReference.ACTIONS,
                ref.onDelete());
        ReferentialAction onUpdate = in.choice("on_update", ReferentialAction::parse, ForeignKeyReference.ACTIONS,
                ref.onUpdate());
        Optional<String> name = in.optionalName("name");
        for (String key : List.of("on_delete", "on_update", "name")) {
            if (in.has(key) && read.isPresent() && in.hasNested("references", key)) {
                in.conflict(key, "references." + key);
            }
        }
        ref = new ForeignKeyReference(ref.location(), ref.table(), ref.columns(), onDelete, onUpdate,
                name.or(ref::name), ref.match(), ref.deferral());
        return new AddForeignKey(in.location(), table, columns, ref,
                in.choice("orphans", Orphans::parse, ORPHANS, Orphans.REJECT));
    }

    static void check(AddForeignKey r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            c.columns(t, r.columns, c.at("columns"));
            if (!r.columns.isEmpty()) {
                r.references.check(c, r.columns);
            }
        });
    }

    /** The constraint's name: as given, or {@code <table>_<cols>_fkey}. */
    public String constraintName() {
        return references.name().orElse(ConstraintNames.of(table.name(), columns, "fkey"));
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.withTableChanged(table, t -> t.withForeignKey(new ForeignKeyView(constraintName(), columns,
                references.table(), references.columns(), references.onDelete(), references.onUpdate())));
    }

    static YamlOut write(AddForeignKey r) {
        YamlOut out = YamlOut.map().put("table", r.table.toString()).putNames("columns", r.columns)
                .put("references", r.references.write());
        if (r.orphans != Orphans.REJECT) {
            out.put("orphans", r.orphans.yaml());
        }
        return out;
    }
}
