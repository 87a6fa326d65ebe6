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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The expand every two-shape transition shares (rename, type change, split, merge): the new
 * columns added bare, the old columns' defaults moved into the trigger (so a default does not
 * look like a write of the old shape), the transition trigger, and the backfill of existing rows.
 *
 * @param context    the plan context (schema just before the refactoring)
 * @param table      the table
 * @param purpose    the trigger's name part after the table
 * @param oldColumns the old shape
 * @param newColumns the new shape: name to SQL type
 * @param forth      per new column, its expression over the row
 * @param back       per old column, its expression over the row with the new shape in place
 * @param backScope  for {@code back}: row column name to the column it reads (identity if empty)
 * @param onConflict the refactoring's {@code on_conflict}
 * @param backfill   the refactoring's {@code backfill}
 */
record SyncedShapes(PlanContext context, TableName table, String purpose, List<String> oldColumns,
        Map<String, String> newColumns, List<String> forth, List<String> back, Map<String, String> backScope,
        OnConflict onConflict, Optional<Backfill> backfill) {

    TableView before() {
        return context.table(table);
    }

    /** Old columns with a default, and the default. */
    Map<String, String> oldDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String column : oldColumns) {
            before().column(column).flatMap(ColumnView::defaultValue).ifPresent(d -> defaults.put(column, d));
        }
        return defaults;
    }

    TransitionTrigger trigger() {
        List<String> during = new ArrayList<>(before().columnNames());
        newColumns.keySet().stream().filter(c -> !during.contains(c)).forEach(during::add);
        Map<String, String> forthScope = TransitionTrigger.identity(before().columnNames());
        Map<String, String> backRow = backScope.isEmpty() ? TransitionTrigger.identity(during) : backScope;
        return new TransitionTrigger(table, purpose, oldColumns, List.copyOf(newColumns.keySet()), forth, back,
                forthScope, backRow, oldDefaults(), onConflict, before().rowKey().orElseThrow());
    }

    /** New columns, old defaults dropped, trigger, backfill. */
    List<Step> expand() {
        List<Step> steps = new ArrayList<>();
        newColumns.forEach((name, type) -> steps.add(new Step.Statement("ALTER TABLE " + SqlIdentifier.table(table)
                + " ADD COLUMN IF NOT EXISTS " + quote(name) + " " + type)));
        oldDefaults().keySet().forEach(column -> steps.add(new Step.Guarded(PgCatalog.columnExists(table, column),
                "ALTER TABLE " + SqlIdentifier.table(table) + " ALTER COLUMN " + quote(column) + " DROP DEFAULT")));
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

    /** Drops the trigger and its function. */
    List<Step> release() {
        return trigger().remove(context.names());
    }

    /** Restores an old column's default, for contracts that keep that column under a new name. */
    static Optional<Step> setDefault(TableName table, String column, Optional<String> defaultValue) {
        return defaultValue.map(d -> new Step.Guarded(PgCatalog.columnExists(table, column), "ALTER TABLE "
                + SqlIdentifier.table(table) + " ALTER COLUMN " + quote(column) + " SET DEFAULT (" + d + ")"));
    }
}
