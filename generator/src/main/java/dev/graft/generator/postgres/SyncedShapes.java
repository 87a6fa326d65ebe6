package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.refactoring.Backfill;
import dev.graft.catalog.refactoring.OnConflict;
import dev.graft.catalog.refactoring.TableName;
import dev.graft.generator.plan.BackfillClaim;
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
     * One atomic statement (so no write lands between the columns and their trigger, under
     * {@code psql -f} too): the claim of the backfill (so a run still going fails this one with a
     * clear message, before any ALTER waits on it), the marker function, the new columns added
     * bare (they get their volatile default apart: ADD COLUMN with a volatile default rewrites the
     * table), the marked defaults, the trigger. Then the backfill of the rows not yet synced.
     * Every ALTER is guarded by the catalog, so a run after the first takes no lock on the table.
     */
    List<Step> expand() {
        TransitionTrigger trigger = trigger();
        BackfillClaim claim = trigger.claim(context.names());
        List<Step> atomic = new ArrayList<>();
        atomic.add(claim.lockStep());
        atomic.addAll(marker().function(context.names()));
        newColumns.forEach((name, type) -> atomic.add(new Step.Guarded(PgCatalog.not(PgCatalog.columnExists(table, name)),
                "ALTER TABLE " + SqlIdentifier.table(table) + " ADD COLUMN " + quote(name) + " " + ColumnTypes.storage(type))));
        atomic.addAll(marker().install());
        atomic.add(trigger.install(context.names()));
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.Atomic(atomic));
        steps.add(backfill(claim));
        return steps;
    }

    /**
     * Fills the rows no write has synced: the new shape still all NULL while the old one maps to
     * something. A row a writer set (through either shape) is never overwritten, whatever the
     * backfill's transaction shape: the condition is checked again on the row's latest version.
     */
    private Step backfill(BackfillClaim claim) {
        List<String> targets = List.copyOf(newColumns.keySet());
        List<Step.Assignment> set = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            set.add(new Step.Assignment(targets.get(i), "(" + forth.get(i) + ")"));
        }
        String pending = "ROW(" + targets.stream().map(c -> quote(c)).collect(Collectors.joining(", "))
                + ") IS NULL AND NOT ROW(" + forth.stream().map(e -> "(" + e + ")").collect(Collectors.joining(", "))
                + ") IS NULL";
        return new Step.Backfill(table, before().rowKey().orElseThrow(), set, pending,
                Optional.of(context.names().backfillMode(table)),
                backfill.map(Backfill::batchSize).orElse(context.batchSize()), backfill.isPresent(), Optional.of(claim));
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
