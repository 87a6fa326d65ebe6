package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.regclass;
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
import java.util.Optional;

/**
 * {@code rename_column}: the expand adds {@code to} of the same type, backfills it and keeps both
 * in sync. The contract drops {@code to} and renames {@code from} into its place, so the column
 * keeps everything attached to it (NOT NULL, default, checks, keys, indexes, foreign keys in both
 * directions, comment, privileges) exactly as an in-place rename would. What was added on
 * {@code to} during the transition (indexes, keys, checks, foreign keys either way) is read from
 * {@code pg_catalog} before {@code to} is dropped and created again on the renamed column.
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
                Map.of(r.to(), from.type()), from.defaultValue().map(d -> Map.of(r.to(), d)).orElse(Map.of()),
                List.of(quote(r.from())), List.of(quote(r.to())), Map.of(),
                r.onConflict(), r.backfill());
        List<Step> contract = new ArrayList<>();
        String declarations = "  graft_rel regclass := " + regclass(r.table()) + ";\n  graft_from smallint;\n"
                + "  graft_to smallint;\n" + ColumnDependents.DECLARATIONS;
        contract.add(new Step.Block(declarations, "  IF " + PgCatalog.columnExists(r.table(), r.from()) + " THEN\n"
                + "    SELECT attnum INTO graft_from FROM pg_catalog.pg_attribute WHERE attrelid = graft_rel AND attname = "
                + literal(r.from()) + " AND NOT attisdropped;\n"
                + "    SELECT attnum INTO graft_to FROM pg_catalog.pg_attribute WHERE attrelid = graft_rel AND attname = "
                + literal(r.to()) + " AND NOT attisdropped;\n"
                + ColumnDependents.collect("graft_to", Optional.of("graft_from"), Optional.empty(), d -> d)
                + ColumnDependents.dropIncoming("graft_to")
                + "    ALTER TABLE " + table(r.table()) + " DROP COLUMN IF EXISTS " + quote(r.to()) + ";\n"
                + "    ALTER TABLE " + table(r.table()) + " RENAME COLUMN " + quote(r.from()) + " TO " + quote(r.to()) + ";\n"
                + ColumnDependents.recreate()
                + "  END IF;\n"));
        SyncedShapes.setDefault(r.table(), r.to(), from.defaultValue()).ifPresent(contract::add);
        return new RefactoringPlan(shapes.expand(), shapes.release(), contract);
    }
}
