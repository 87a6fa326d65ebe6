package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
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
 * {@code split_column: {table, column, into, combine, on_conflict, backfill}}: the expand adds
 * the {@code into} columns (each computed by its {@code from}), backfills them and keeps both
 * shapes in sync ({@code combine} computes the old column from the new ones); the contract drops
 * the old column.
 *
 * <pre>{@code
 * - split_column:
 *     table: inventory
 *     column: inventory_code
 *     into:
 *       - { name: location_code, type: varchar(6),  from: "substr(inventory_code, 1, 6)" }
 *       - { name: batch_number,  type: varchar(6),  from: "substr(inventory_code, 7, 6)" }
 *       - { name: serial_number, type: varchar(10), from: "substr(inventory_code, 13)" }
 *     combine: "location_code || batch_number || serial_number"
 * }</pre>
 *
 * @param location   where the refactoring is written
 * @param table      the table
 * @param column     the column split
 * @param into       the new columns
 * @param combine    the old column from the new ones, deterministic
 * @param onConflict what the trigger does when both shapes are written with different values
 * @param backfill   batching of the backfill
 */
public record SplitColumn(Location location, TableName table, String column, List<DerivedColumn> into,
        Expression combine, OnConflict onConflict, Optional<Backfill> backfill) implements Refactoring {

    public SplitColumn {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(column, "column == null");
        into = List.copyOf(into);
        Objects.requireNonNull(combine, "combine == null");
        Objects.requireNonNull(onConflict, "onConflict == null");
        Objects.requireNonNull(backfill, "backfill == null");
    }

    @Override
    public boolean isTransition() {
        return true;
    }

    static SplitColumn read(Fields in) {
        return new SplitColumn(in.location(), in.table("table"), in.name("column"),
                in.list("into", DerivedColumn::read), in.expression("combine", true),
                in.choice("on_conflict", OnConflict::parse, RenameColumn.ON_CONFLICT, OnConflict.REJECT),
                in.backfill());
    }

    /** The names of the new columns. */
    public List<String> intoNames() {
        return into.stream().map(DerivedColumn::name).toList();
    }

    /** {@code t} with the new columns, whose types {@code combine} reads. */
    private static TableView withInto(TableView t, SplitColumn r) {
        TableView with = t;
        for (DerivedColumn target : r.into) {
            with = with.hasColumn(target.name()) ? with : with.withColumn(target.column().view());
        }
        return with;
    }

    static void check(SplitColumn r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            c.column(t, r.column, c.at("column"));
            Set<String> seen = new HashSet<>();
            List<String> row = new ArrayList<>(t.columnNames());
            for (DerivedColumn target : r.into) {
                if (!seen.add(target.name())) {
                    c.duplicate(target.location(), target.name(), "into");
                }
                c.absentColumn(t, target.name(), target.location());
                c.expression(target.from(), r.table, t.columnNames());
                c.assignable(target.from(), "from", target.column().type(), Optional.of(t));
                row.add(target.name());
            }
            r.into.forEach(target -> target.column().check(c, r.table, row));
            c.expression(r.combine, r.table, row);
            t.column(r.column).ifPresent(old -> c.assignable(r.combine, "combine", old.type(),
                    Optional.of(SplitColumn.withInto(t, r))));
            List<String> touched = new ArrayList<>(r.intoNames());
            touched.add(0, r.column);
            c.reshapes(r.table, touched, r.location);
            c.rowKey(t, r.location, "split_column");
            c.opens(r.table, touched);
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.withTableChanged(table, t -> {
            var result = t;
            for (DerivedColumn target : into) {
                if (!result.hasColumn(target.name())) {
                    result = CreateTable.withConstraints(result.withColumn(target.column().view()), target.column());
                }
            }
            return result;
        });
    }

    @Override
    public SchemaView contract(SchemaView during) {
        return during.withTableChanged(table, t -> t.withoutColumn(column));
    }

    static YamlOut write(SplitColumn r) {
        YamlOut out = YamlOut.map().put("table", r.table.toString()).put("column", r.column)
                .putList("into", r.into, DerivedColumn::write).put("combine", r.combine);
        if (r.onConflict != OnConflict.REJECT) {
            out.put("on_conflict", r.onConflict.yaml());
        }
        return Backfill.write(out, r.backfill);
    }
}
