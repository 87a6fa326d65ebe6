package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.MergeColumns;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code merge_columns}: the expand adds the {@code into} column, keeps both shapes in sync
 * ({@code from} forth, {@code split} back), backfills and adds its constraints; the contract
 * drops the merged columns and finishes NOT NULL and the default.
 */
final class MergeColumnsPlan implements RefactoringPlanner<MergeColumns> {

    @Override
    public Class<MergeColumns> type() {
        return MergeColumns.class;
    }

    @Override
    public RefactoringPlan plan(MergeColumns r, PlanContext context) {
        SyncedShapes shapes = new SyncedShapes(context, r.table(), r.into().name() + "_sync", r.columns(),
                Map.of(r.into().name(), r.into().type()),
                r.into().column().defaultValue().map(d -> Map.of(r.into().name(), d.sql())).orElse(Map.of()),
                List.of(r.into().from().sql()),
                r.columns().stream().map(c -> r.split().get(c).sql()).toList(), Map.of(), r.onConflict(), r.backfill());
        List<Step> expand = new ArrayList<>(shapes.expand());
        expand.addAll(NewColumns.constrain(context, r.table(), List.of(r.into().column())));
        List<Step> contract = new ArrayList<>();
        for (String column : r.columns()) {
            contract.add(new Step.Statement("ALTER TABLE " + table(r.table()) + " DROP COLUMN IF EXISTS " + quote(column)));
        }
        contract.addAll(NewColumns.finish(context, r.table(), List.of(r.into().column())));
        return new RefactoringPlan(expand, shapes.release(), contract);
    }
}
