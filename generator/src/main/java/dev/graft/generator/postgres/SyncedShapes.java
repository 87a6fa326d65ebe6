package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.refactoring.Backfill;
import dev.graft.catalog.refactoring.OnConflict;
import dev.graft.catalog.refactoring.TableName;
import dev.graft.generator.plan.PgCatalog;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.SqlIdentifier;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The expand every two-shape transition shares (rename, type change, split, merge): the new
 * columns added bare, every column's default wrapped in the {@link DefaultMarker} (so a default
 * taken does not look like a write, and an explicit NULL does), the transition trigger, and the
 * backfill of existing rows.
 *
 * @param context    the plan context (schema just before the refactoring)
 * @param table      the table
 * @param purpose    the trigger's name part after the table
 * @param oldColumns the old shape
 * @param newColumns the new shape: name to SQL type
 * @param newDefaults the new shape's defaults after the contract, given while the transition is open
 * @param forth      per new column, its expression over the row
 * @param back       per old column, its expression over the row with the new shape in place
 * @param backScope  for {@code back}: row column name to the column it reads (identity if empty)
 * @param onConflict the refactoring's {@code on_conflict}
 * @param backfill   the refactoring's {@code backfill}
 */
record SyncedShapes(PlanContext context, TableName table, String purpose, List<String> oldColumns,
        Map<String, String> newColumns, Map<String, String> newDefaults, List<String> forth, List<String> back,
        Map<String, String> backScope, OnConflict onConflict, Optional<Backfill> backfill) {

    TableView before() {
        return context.table(table);
    }

    /** Old columns with the defaults they have, then new ones with the defaults they will have. */
    DefaultMarker marker() {
        List<DefaultMarker.Marked> columns = new ArrayList<>();
        for (String column : oldColumns) {
            ColumnView c = before().column(column).orElseThrow();
            if (DefaultMarker.marks(c.nullable(), c.defaultValue())) {
                columns.add(new DefaultMarker.Marked(column, ColumnTypes.storage(c.type()), c.defaultValue()));
            }
        }
        newColumns.forEach((column, type) -> columns.add(new DefaultMarker.Marked(column, ColumnTypes.storage(type),
                Optional.ofNullable(newDefaults.get(column)))));
        return DefaultMarker.of(context.names(), table, purpose, columns);
    }

    TransitionTrigger trigger() {
        List<String> during = new ArrayList<>(before().columnNames());
        newColumns.keySet().stream().filter(c -> !during.contains(c)).forEach(during::add);
        Map<String, String> forthScope = TransitionTrigger.identity(before().columnNames());
        Map<String, String> backRow = backScope.isEmpty() ? TransitionTrigger.identity(during) : backScope;
        return new TransitionTrigger(table, purpose, oldColumns, List.copyOf(newColumns.keySet()), forth, back,
                forthScope, backRow, marker(), onConflict, before().rowKey().orElseThrow());
    }

    /**
     * Marker function, new columns, marked defaults, trigger, backfill. New columns are added bare
     * and get their (volatile) default apart: ADD COLUMN with a volatile default rewrites the table.
     */
    List<Step> expand() {
        List<Step> steps = new ArrayList<>(marker().function(context.names()));
        newColumns.forEach((name, type) -> steps.add(new Step.Statement("ALTER TABLE " + SqlIdentifier.table(table)
                + " ADD COLUMN IF NOT EXISTS " + quote(name) + " " + ColumnTypes.storage(type))));
        steps.addAll(marker().install());
        steps.addAll(trigger().install(context.names()));
        List<String> targets = List.copyOf(newColumns.keySet());
        List<Step.Assignment> set = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            set.add(new Step.Assignment(targets.get(i), "(" + forth.get(i) + ")"));
        }
        String pending = "ROW(" + targets.stream().map(c -> quote(c)).collect(Collectors.joining(", "))
                + ") IS DISTINCT FROM ROW(" + forth.stream().map(e -> "(" + e + ")").collect(Collectors.joining(", ")) + ")";
        steps.add(new Step.Backfill(table, before().rowKey().orElseThrow(), set, pending,
                Optional.of(context.names().backfillMode(table)),
                backfill.map(Backfill::batchSize).orElse(context.batchSize()), backfill.isPresent()));
        return steps;
    }

    /** Drops the trigger and its function, gives every column its plain default back, drops the marker. */
    List<Step> release() {
        List<Step> steps = new ArrayList<>(trigger().remove(context.names()));
        steps.addAll(marker().remove());
        return steps;
    }

    /** Restores an old column's default, for contracts that keep that column under a new name. */
    static Optional<Step> setDefault(TableName table, String column, Optional<String> defaultValue) {
        return defaultValue.map(d -> new Step.Guarded(PgCatalog.columnExists(table, column), "ALTER TABLE "
                + SqlIdentifier.table(table) + " ALTER COLUMN " + quote(column) + " SET DEFAULT (" + d + ")"));
    }
}
