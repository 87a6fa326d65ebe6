package dev.graft.catalog.refactoring;

import dev.graft.catalog.ColumnView;
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
 * {@code merge_tables: {table, from, backfill}}: the inverse of {@link SplitTable}. The expand adds
 * every column of {@code from} but its primary key to {@code table} (nullable, without their
 * defaults until the contract), backfills them from the row of {@code from} with the same key and
 * keeps both tables in sync; the contract drops {@code from} and gives the columns their defaults.
 * Both tables must have primary keys of the same column names.
 *
 * <pre>{@code
 * - merge_tables:
 *     table: customer
 *     from: customer_address
 * }</pre>
 *
 * @param location where the refactoring is written
 * @param table    the table that receives the columns
 * @param from     the table keyed 1:1 by the same key, dropped by the contract
 * @param backfill batching of the backfill
 */
public record MergeTables(Location location, TableName table, TableName from, Optional<Backfill> backfill)
        implements Refactoring {

    public MergeTables {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(from, "from == null");
        Objects.requireNonNull(backfill, "backfill == null");
    }

    @Override
    public boolean isTransition() {
        return true;
    }

    static MergeTables read(Fields in) {
        return new MergeTables(in.location(), in.table("table"), in.table("from"), in.backfill());
    }

    /** The columns that move: every column of {@code from} but its primary key, in order. */
    public static List<ColumnView> moved(TableView from) {
        return from.columns().stream().filter(c -> !from.primaryKey().contains(c.name())).toList();
    }

    static void check(MergeTables r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> c.table(r.from, c.at("from")).ifPresent(f -> {
            if (t.primaryKey().isEmpty() || !t.primaryKey().equals(f.primaryKey())) {
                c.report(c.at("from"), ProblemCode.MERGE_NOT_ONE_TO_ONE, "merge_tables needs tables \"" + r.table
                        + "\" and \"" + r.from + "\" keyed 1:1: primary keys of the same columns, here "
                        + Checks.quoted(t.primaryKey()) + " and " + Checks.quoted(f.primaryKey()));
                return;
            }
            List<ColumnView> moved = moved(f);
            if (moved.isEmpty()) {
                c.missing(c.at("from"), "table \"" + r.from + "\" has no column but its key to merge");
            }
            for (ColumnView column : moved) {
                c.absentColumn(t, column.name(), c.at("from"));
                if (column.identity().isPresent() || column.generated().isPresent()) {
                    c.report(c.at("from"), ProblemCode.SPLIT_KEY_COLUMN, "column \"" + column.name() + "\" of table \""
                            + r.from + "\" is an identity or generated column: it cannot move");
                }
            }
            List<String> names = moved.stream().map(ColumnView::name).toList();
            c.reshapes(r.table, names, r.location);
            c.reshapesTable(r.from, r.location);
            c.opensAcross(List.of(r.table, r.from), names);
        }));
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        Optional<TableView> from = before.table(this.from);
        if (from.isEmpty()) {
            return before;
        }
        return before.withTableChanged(table, t -> {
            TableView result = t;
            for (ColumnView column : moved(from.get())) {
                if (!result.hasColumn(column.name())) {
                    result = result.withColumn(new ColumnView(column.name(), column.type(), true, Optional.empty()));
                }
            }
            return result;
        });
    }

    @Override
    public SchemaView contract(SchemaView during) {
        Optional<TableView> from = during.table(this.from);
        SchemaView without = during.withoutTable(this.from);
        return from.map(f -> without.withTableChanged(table, t -> {
            TableView result = t;
            for (ColumnView column : moved(f)) {
                result = result.withColumnChanged(column.name(), v -> v.withDefault(column.defaultValue()));
            }
            return result;
        })).orElse(without);
    }

    static YamlOut write(MergeTables r) {
        return Backfill.write(YamlOut.map().put("table", r.table.toString()).put("from", r.from.toString()), r.backfill);
    }
}
