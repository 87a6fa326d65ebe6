package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code merge_columns: {table, columns, into, split, on_conflict, backfill}}: the expand adds
 * the {@code into} column (computed by its {@code from}), backfills it and keeps both shapes in
 * sync ({@code split} computes each old column from the new one); the contract drops the old
 * columns.
 *
 * <pre>{@code
 * - merge_columns:
 *     table: person
 *     columns: [first_name, last_name]
 *     into: { name: full_name, type: text, from: "first_name || ' ' || last_name" }
 *     split:
 *       first_name: "split_part(full_name, ' ', 1)"
 *       last_name: "split_part(full_name, ' ', 2)"
 * }</pre>
 *
 * @param location   where the refactoring is written
 * @param table      the table
 * @param columns    the columns merged
 * @param into       the new column
 * @param split      for each merged column, its value from the new one; deterministic
 * @param onConflict what the trigger does when both shapes are written with different values
 * @param backfill   batching of the backfill
 */
public record MergeColumns(Location location, TableName table, List<String> columns, DerivedColumn into,
        Map<String, Expression> split, OnConflict onConflict, Optional<Backfill> backfill) implements Refactoring {

    public MergeColumns {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        columns = List.copyOf(columns);
        Objects.requireNonNull(into, "into == null");
        split = Collections.unmodifiableMap(new LinkedHashMap<>(split));
        Objects.requireNonNull(onConflict, "onConflict == null");
        Objects.requireNonNull(backfill, "backfill == null");
    }

    @Override
    public boolean isTransition() {
        return true;
    }

    static MergeColumns read(Fields in) {
        TableName table = in.table("table");
        List<String> columns = in.names("columns");
        Optional<DerivedColumn> into = in.object("into", DerivedColumn::read);
        return new MergeColumns(in.location(), table, columns,
                into.orElse(new DerivedColumn(ColumnDefinition.of(in.location(), "", ""),
                        new Expression("", in.location()))),
                in.expressions("split", true),
                in.choice("on_conflict", OnConflict::parse, RenameColumn.ON_CONFLICT, OnConflict.REJECT),
                in.backfill());
    }

    static void check(MergeColumns r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            c.columns(t, r.columns, c.at("columns"));
            c.absentColumn(t, r.into.name(), r.into.location());
            c.expression(r.into.from(), r.table, t.columnNames());
            c.assignable(r.into.from(), "from", r.into.column().type(), Optional.of(t));
            List<String> row = new ArrayList<>(t.columnNames());
            row.add(r.into.name());
            r.into.column().check(c, r.table, row);
            for (String column : r.columns) {
                if (!r.split.containsKey(column)) {
                    c.missing(c.at("split"), "\"split\" has no expression for merged column \"" + column + "\"");
                }
            }
            r.split.forEach((column, expression) -> {
                if (!r.columns.contains(column)) {
                    c.unknownKey(expression.location(), column, "split", r.columns);
                }
                c.expression(expression, r.table, row);
                TableView merged = t.hasColumn(r.into.name()) ? t : t.withColumn(r.into.column().view());
                t.column(column).ifPresent(old -> c.assignable(expression, column, old.type(), Optional.of(merged)));
            });
            List<String> touched = new ArrayList<>(r.columns);
            touched.add(r.into.name());
            c.reshapes(r.table, touched, r.location);
            c.rowKey(t, r.location, "merge_columns");
            c.opens(r.table, touched);
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.withTableChanged(table, t -> t.hasColumn(into.name()) ? t
                : CreateTable.withConstraints(t.withColumn(into.column().view()), into.column()));
    }

    @Override
    public SchemaView contract(SchemaView during) {
        return during.withTableChanged(table, t -> {
            var result = t;
            for (String column : columns) {
                result = result.withoutColumn(column);
            }
            return result;
        });
    }

    static YamlOut write(MergeColumns r) {
        YamlOut out = YamlOut.map().put("table", r.table.toString()).putNames("columns", r.columns)
                .put("into", r.into.write()).putExpressions("split", r.split);
        if (r.onConflict != OnConflict.REJECT) {
            out.put("on_conflict", r.onConflict.yaml());
        }
        return Backfill.write(out, r.backfill);
    }
}
