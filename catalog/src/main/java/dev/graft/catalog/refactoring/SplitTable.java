package dev.graft.catalog.refactoring;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.ConstraintNames;
import dev.graft.catalog.ForeignKeyView;
import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code split_table: {table, into: {table, columns}, backfill}}: a vertical split. The expand
 * creates {@code into.table} keyed 1:1 by the same primary key (a foreign key to {@code table},
 * {@code ON DELETE CASCADE}), copies the moved columns into it and keeps both tables in sync;
 * the contract drops the moved columns from {@code table}. A row of the new table exists for each
 * row whose moved columns are not all NULL.
 *
 * <pre>{@code
 * - split_table:
 *     table: customer
 *     into: { table: customer_address, columns: [street, city] }
 * }</pre>
 *
 * @param location where the refactoring is written
 * @param table    the table split
 * @param into     the new table
 * @param columns  the columns moved into it
 * @param backfill batching of the backfill
 */
public record SplitTable(Location location, TableName table, TableName into, List<String> columns,
        Optional<Backfill> backfill) implements Refactoring {

    public SplitTable {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(into, "into == null");
        columns = List.copyOf(columns);
        Objects.requireNonNull(backfill, "backfill == null");
    }

    @Override
    public boolean isTransition() {
        return true;
    }

    /** The {@code into} map. */
    private record Into(TableName table, List<String> columns) {
        static Into read(Fields in) {
            return new Into(in.table("table"), in.names("columns"));
        }
    }

    static SplitTable read(Fields in) {
        Optional<Into> into = in.object("into", Into::read);
        return new SplitTable(in.location(), in.table("table"),
                into.map(Into::table).orElse(new TableName("public", "graft_missing")),
                into.map(Into::columns).orElse(List.of()), in.backfill());
    }

    /** The new table, as the expand creates it from {@code original}. */
    public static TableView newTable(TableView original, TableName into, List<String> columns) {
        List<ColumnView> cols = new ArrayList<>();
        // a key column may be missing from a table whose definition had errors, already reported
        original.primaryKey().forEach(k -> original.column(k).ifPresent(c -> cols.add(c.withNullable(false)
                .withDefault(Optional.empty()))));
        columns.forEach(c -> original.column(c).ifPresent(cols::add));
        return TableView.of(into, cols.stream().map(c -> new ColumnView(c.name(), c.type(), c.nullable(),
                c.defaultValue())).toList()).withPrimaryKey(original.primaryKey())
                .withForeignKey(new ForeignKeyView(ConstraintNames.of(into.name(), original.primaryKey(), "fkey"),
                        original.primaryKey(), original.name(), original.primaryKey(), ReferentialAction.CASCADE,
                        ReferentialAction.NO_ACTION));
    }

    static void check(SplitTable r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            Location at = c.at("into");
            if (t.primaryKey().isEmpty()) {
                c.report(c.at("table"), ProblemCode.SPLIT_NO_PRIMARY_KEY, "split_table needs a primary key on table \""
                        + r.table + "\": the new table is keyed 1:1 by it");
                return;
            }
            c.absentTable(r.into, at);
            if (r.columns.isEmpty()) {
                c.missing(at, "split_table moves no column: list them under \"into\" as \"columns\"");
            }
            Set<String> seen = new HashSet<>();
            for (String column : r.columns) {
                if (!seen.add(column)) {
                    c.duplicate(at, column, "columns");
                } else if (t.primaryKey().contains(column)) {
                    c.report(at, ProblemCode.SPLIT_KEY_COLUMN, "column \"" + column + "\" is part of the primary key of"
                            + " table \"" + r.table + "\": the key is copied to the new table, not moved");
                } else if (c.column(t, column, at)) {
                    t.column(column).filter(v -> v.identity().isPresent() || v.generated().isPresent())
                            .ifPresent(v -> c.report(at, ProblemCode.SPLIT_KEY_COLUMN, "column \"" + column
                                    + "\" of table \"" + r.table + "\" is an identity or generated column: it cannot move"));
                }
            }
            c.reshapes(r.table, r.columns, r.location);
            c.opensAcross(List.of(r.table, r.into), r.columns);
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.table(table).filter(t -> before.table(into).isEmpty())
                .map(t -> before.withTable(newTable(t, into, columns))).orElse(before);
    }

    @Override
    public SchemaView contract(SchemaView during) {
        return during.withTableChanged(table, t -> {
            TableView result = t;
            for (String column : columns) {
                result = result.withoutColumn(column);
            }
            return result;
        });
    }

    static YamlOut write(SplitTable r) {
        YamlOut out = YamlOut.map().put("table", r.table.toString())
                .put("into", YamlOut.map().put("table", r.into.toString()).putNames("columns", r.columns));
        return Backfill.write(out, r.backfill);
    }
}
