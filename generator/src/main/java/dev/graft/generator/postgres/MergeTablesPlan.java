package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.refactoring.Backfill;
import dev.graft.catalog.refactoring.MergeTables;
import dev.graft.generator.plan.BackfillClaim;
import dev.graft.generator.plan.PgCatalog;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code merge_tables}: the expand adds the columns of {@code from} to {@code table} (bare, so
 * no write of {@code table} alone makes a row of {@code from} up from defaults), installs the
 * {@link TableSync} of both tables (deleting a row of {@code table} deletes its row of
 * {@code from}), and backfills each row from its row of {@code from} through the sync trigger; the
 * contract drops the triggers and {@code from}, and gives the columns the defaults they had there.
 */
final class MergeTablesPlan implements RefactoringPlanner<MergeTables> {

    @Override
    public Class<MergeTables> type() {
        return MergeTables.class;
    }

    /** The sync of a merge: the receiving table is the wide one, and its deletes reach {@code from}. */
    static TableSync sync(MergeTables r, PlanContext context) {
        return new TableSync(r.table(), r.from(), context.table(r.table()).primaryKey(), names(r, context), "merge",
                context.names(), true);
    }

    static List<String> names(MergeTables r, PlanContext context) {
        return MergeTables.moved(context.table(r.from())).stream().map(ColumnView::name).toList();
    }

    @Override
    public RefactoringPlan plan(MergeTables r, PlanContext context) {
        TableView from = context.table(r.from());
        List<String> key = context.table(r.table()).primaryKey();
        TableSync sync = sync(r, context);
        BackfillClaim claim = sync.claim();
        List<Step> atomic = new ArrayList<>();
        atomic.add(claim.lockStep());
        for (ColumnView c : MergeTables.moved(from)) {
            atomic.add(new Step.Guarded(PgCatalog.not(PgCatalog.columnExists(r.table(), c.name())), "ALTER TABLE "
                    + table(r.table()) + " ADD COLUMN " + quote(c.name()) + " " + ColumnTypes.storage(c.type())));
        }
        atomic.addAll(sync.install());
        List<Step> expand = new ArrayList<>();
        expand.add(new Step.Atomic(atomic));
        String row = "SELECT %s FROM " + table(r.from()) + " AS graft_from WHERE " + key.stream()
                .map(k -> "graft_from." + quote(k) + " = " + table(r.table()) + "." + quote(k))
                .collect(Collectors.joining(" AND "));
        List<String> names = names(r, context);
        List<Step.Assignment> set = names.stream()
                .map(c -> new Step.Assignment(c, "(" + row.formatted("graft_from." + quote(c)) + ")")).toList();
        String pending = "ROW(" + names.stream().map(c -> quote(c)).collect(Collectors.joining(", ")) + ") IS NULL"
                + " AND EXISTS (" + row.formatted("1") + " AND NOT ROW(" + names.stream()
                .map(c -> "graft_from." + quote(c)).collect(Collectors.joining(", ")) + ") IS NULL)";
        expand.add(new Step.Backfill(r.table(), key, set, pending,
                Optional.of(context.names().backfillMode(r.table())),
                r.backfill().map(Backfill::batchSize).orElse(context.batchSize()), r.backfill().isPresent(),
                Optional.of(claim)));
        List<Step> contract = new ArrayList<>();
        contract.add(new Step.Statement("DROP TABLE IF EXISTS " + table(r.from())));
        for (ColumnView c : MergeTables.moved(from)) {
            SyncedShapes.setDefault(r.table(), c.name(), c.defaultValue()).ifPresent(contract::add);
        }
        return new RefactoringPlan(expand, sync.remove(), contract);
    }
}
