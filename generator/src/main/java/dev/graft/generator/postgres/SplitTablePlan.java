package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.list;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.ConstraintNames;
import dev.graft.catalog.TableView;
import dev.graft.catalog.refactoring.Backfill;
import dev.graft.catalog.refactoring.SplitTable;
import dev.graft.generator.plan.BackfillClaim;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code split_table}: the expand creates the new table (the original's key, as its primary key
 * and as a foreign key to the original {@code ON DELETE CASCADE}, and the moved columns with their
 * types, NOT NULL and defaults), installs the {@link TableSync} of both tables, and backfills a new
 * row for each original row whose moved columns are not all NULL, through the sync trigger; the
 * contract drops the triggers and the moved columns from the original.
 */
final class SplitTablePlan implements RefactoringPlanner<SplitTable> {

    @Override
    public Class<SplitTable> type() {
        return SplitTable.class;
    }

    /** The sync of a split: the original is the wide table. */
    static TableSync sync(SplitTable r, PlanContext context) {
        return new TableSync(r.table(), r.into(), context.table(r.table()).primaryKey(), r.columns(), "split",
                context.names(), false);
    }

    @Override
    public RefactoringPlan plan(SplitTable r, PlanContext context) {
        TableView original = context.table(r.table());
        TableView created = SplitTable.newTable(original, r.into(), r.columns());
        TableSync sync = sync(r, context);
        BackfillClaim claim = sync.claim();
        List<Step> atomic = new ArrayList<>();
        atomic.add(claim.lockStep());
        atomic.add(new Step.Statement(create(created, original)));
        atomic.addAll(sync.install());
        List<Step> expand = new ArrayList<>();
        expand.add(new Step.Atomic(atomic));
        String first = r.columns().get(0);
        expand.add(new Step.Backfill(r.table(), original.primaryKey(),
                List.of(new Step.Assignment(first, quote(first))), sync.unsynced(),
                Optional.of(context.names().backfillMode(r.table())),
                r.backfill().map(Backfill::batchSize).orElse(context.batchSize()), r.backfill().isPresent(),
                Optional.of(claim)));
        List<Step> contract = new ArrayList<>();
        r.columns().forEach(c -> contract.add(new Step.Statement("ALTER TABLE " + table(r.table())
                + " DROP COLUMN IF EXISTS " + quote(c))));
        return new RefactoringPlan(expand, sync.remove(), contract);
    }

    /** {@code CREATE TABLE IF NOT EXISTS}, as a DBA would write the new table. */
    private static String create(TableView created, TableView original) {
        List<String> lines = new ArrayList<>();
        for (ColumnView c : created.columns()) {
            lines.add(quote(c.name()) + " " + ColumnTypes.storage(c.type()) + (c.nullable() ? "" : " NOT NULL")
                    + c.defaultValue().map(d -> " DEFAULT " + d).orElse(""));
        }
        List<String> key = original.primaryKey();
        lines.add("CONSTRAINT " + quote(ConstraintNames.primaryKey(created.name().name())) + " PRIMARY KEY ("
                + list(key) + ")");
        lines.add("CONSTRAINT " + quote(created.foreignKeys().get(0).name()) + " FOREIGN KEY (" + list(key)
                + ") REFERENCES " + table(original.name()) + " (" + list(key) + ") ON DELETE CASCADE");
        return "CREATE TABLE IF NOT EXISTS " + table(created.name()) + " (\n  " + String.join(",\n  ", lines) + "\n)";
    }
}
