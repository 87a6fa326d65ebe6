package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.refactoring.RenameColumn;
import dev.graft.generator.plan.PgCatalog;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code rename_column}: the expand adds {@code to} of the same type, backfills it and keeps both
 * in sync. The contract drops {@code to} and renames {@code from} into its place, so the column
 * keeps everything attached to it (NOT NULL, default, checks, keys, indexes, foreign keys in both
 * directions, comment, privileges) exactly as an in-place rename would.
 */
final class RenameColumnPlan implements RefactoringPlanner<RenameColumn> {

    @Override
    public Class<RenameColumn> type() {
        return RenameColumn.class;
    }

    @Override
    public RefactoringPlan plan(RenameColumn r, PlanContext context) {
        ColumnView from = context.table(r.table()).column(r.from()).orElseThrow();
        SyncedShapes shapes = new SyncedShapes(context, r.table(), r.from() + "_sync", List.of(r.from()),
                Map.of(r.to(), from.type()), List.of(quote(r.from())), List.of(quote(r.to())), Map.of(),
                r.onConflict(), r.backfill());
        List<Step> contract = new ArrayList<>();
        contract.add(new Step.Block("", "  IF " + PgCatalog.columnExists(r.table(), r.from()) + " THEN\n"
                + "    ALTER TABLE " + table(r.table()) + " DROP COLUMN IF EXISTS " + quote(r.to()) + ";\n"
                + "    ALTER TABLE " + table(r.table()) + " RENAME COLUMN " + quote(r.from()) + " TO " + quote(r.to())
                + ";\n  END IF;\n"));
        SyncedShapes.setDefault(r.table(), r.to(), from.defaultValue()).ifPresent(contract::add);
        return new RefactoringPlan(shapes.expand(), shapes.release(), contract);
    }
}
