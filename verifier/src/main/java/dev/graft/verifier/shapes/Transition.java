package dev.graft.verifier.shapes;

import dev.graft.catalog.ConstraintNames;
import dev.graft.catalog.Migration;
import dev.graft.catalog.refactoring.ChangeColumnType;
import dev.graft.catalog.refactoring.MergeColumns;
import dev.graft.catalog.refactoring.Refactoring;
import dev.graft.catalog.refactoring.RenameColumn;
import dev.graft.catalog.refactoring.SplitColumn;
import dev.graft.catalog.refactoring.DerivedColumn;
import dev.graft.catalog.refactoring.DropColumn;
import dev.graft.catalog.refactoring.TableName;
import dev.graft.verifier.snapshot.SqlNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The two shapes of one column-level transition, as the catalog defines them: the old and the new
 * columns, the expressions from old to new ({@code forth}) and back, and the names the back
 * expressions use for the new values ({@code backScope}). Column names are those the database
 * holds while the transition is open: a type change's new value lives in Graft's shadow column
 * {@code graft_<version>_<table>_<column>}.
 *
 * @param table      the table
 * @param kind       the refactoring's key: {@code split_column}
 * @param oldColumns the old shape
 * @param newColumns the new shape
 * @param newTypes   declared types of the new columns; empty where the database knows them better
 * @param forth      per new column, its value over the old row
 * @param back       per old column, its value over the new row
 * @param backScope  names used in {@code back} mapped to the new columns holding them
 * @param law        the round-trip law in words
 */
public record Transition(TableName table, String kind, List<String> oldColumns, List<String> newColumns,
        List<Optional<String>> newTypes, List<String> forth, List<String> back, Map<String, String> backScope,
        String law) {

    public Transition {
        Objects.requireNonNull(table, "table == null");
        oldColumns = List.copyOf(oldColumns);
        newColumns = List.copyOf(newColumns);
        newTypes = List.copyOf(newTypes);
        forth = List.copyOf(forth);
        back = List.copyOf(back);
        backScope = Map.copyOf(backScope);
    }

    /** The transitions a catalog migration opens, in order; refactorings without two synced shapes give none. */
    public static List<Transition> of(Migration migration) {
        List<Transition> transitions = new ArrayList<>();
        String version = migration.version().toString().replace('.', '_');
        for (Refactoring refactoring : migration.refactorings()) {
            of(refactoring, version).ifPresent(transitions::add);
        }
        return transitions;
    }

    /** The transition of one refactoring; {@code version} is written with {@code _} for dots. */
    public static Optional<Transition> of(Refactoring refactoring, String version) {
        if (refactoring instanceof SplitColumn s) {
            return Optional.of(new Transition(s.table(), "split_column", List.of(s.column()), s.intoNames(),
                    s.into().stream().map(t -> Optional.of(t.type())).toList(),
                    s.into().stream().map(t -> t.from().sql()).toList(), List.of(s.combine().sql()), Map.of(),
                    "combine(split(" + s.column() + ")) = " + s.column()));
        }
        if (refactoring instanceof MergeColumns m) {
            return Optional.of(new Transition(m.table(), "merge_columns", m.columns(), List.of(m.into().name()),
                    List.of(Optional.of(m.into().type())), List.of(m.into().from().sql()),
                    m.columns().stream().map(c -> m.split().get(c).sql()).toList(), Map.of(),
                    "split(merge(" + String.join(", ", m.columns()) + ")) = (" + String.join(", ", m.columns()) + ")"));
        }
        if (refactoring instanceof ChangeColumnType c) {
            String shadow = ConstraintNames.fit("graft_" + version + "_" + c.table().name() + "_" + c.column());
            return Optional.of(new Transition(c.table(), "change_column_type", List.of(c.column()), List.of(shadow),
                    List.of(Optional.of(c.type())), List.of(c.up().sql()), List.of(c.down().sql()),
                    Map.of(c.column(), shadow), "down(up(" + c.column() + ")) = " + c.column()));
        }
        if (refactoring instanceof RenameColumn r) {
            return Optional.of(new Transition(r.table(), "rename_column", List.of(r.from()), List.of(r.to()),
                    List.of(Optional.empty()), List.of(SqlNames.quote(r.from())), List.of(SqlNames.quote(r.to())),
                    Map.of(), r.to() + " = " + r.from()));
        }
        if (refactoring instanceof DropColumn d && d.down().isPresent() && !d.downColumns().isEmpty()) {
            // the new shape is the rest of the row down reads; the old column must follow from it
            List<String> rest = d.downColumns();
            return Optional.of(new Transition(d.table(), "drop_column", List.of(d.column()), rest,
                    rest.stream().map(c -> Optional.<String>empty()).toList(), rest.stream().map(SqlNames::quote).toList(),
                    List.of(d.down().get().sql()), Map.of(), "down(" + String.join(", ", rest) + ") = " + d.column()));
        }
        return Optional.empty();
    }

    /**
     * Whether the old shape is a column on its way out (drop_column with {@code down}): the new
     * shape is data the row already holds, rows are written by the new application without the old
     * column, and nothing is backfilled.
     */
    public boolean isDeprecation() {
        return "drop_column".equals(kind);
    }

    /** {@code split_column of inventory.inventory_code}. */
    public String title() {
        return kind + " of " + table + "." + String.join(", ", oldColumns);
    }

    /** {@code "public"."inventory"}. */
    public String quotedTable() {
        return SqlNames.qualified(table.schema(), table.name());
    }

    /** Whether the way back is the identity, so the round trip holds by construction. */
    public boolean isRename() {
        return "rename_column".equals(kind);
    }
}
