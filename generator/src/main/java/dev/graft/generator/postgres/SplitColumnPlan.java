package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.ColumnDefinition;
import dev.graft.catalog.refactoring.SplitColumn;
import dev.graft.catalog.refactoring.DerivedColumn;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code split_column}: the expand adds the {@code into} columns, keeps both shapes in sync
 * ({@code from} forth, {@code combine} back), backfills, and adds the constraints the new
 * columns declare (NOT NULL as a validated check); the contract drops the old column and
 * finishes NOT NULL and defaults.
 */
final class SplitColumnPlan implements RefactoringPlanner<SplitColumn> {

    @Override
    public Class<SplitColumn> type() {
        return SplitColumn.class;
    }

    @Override
    public RefactoringPlan plan(SplitColumn r, PlanContext context) {
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        r.into().forEach(t -> columns.put(t.name(), t.type()));
        r.into().forEach(t -> t.column().defaultValue().ifPresent(d -> defaults.put(t.name(), d.sql())));
        SyncedShapes shapes = new SyncedShapes(context, r.table(), r.column() + "_sync", List.of(r.column()), columns,
                defaults,
                r.into().stream().map(t -> t.from().sql()).toList(), List.of(r.combine().sql()), Map.of(),
                r.onConflict(), r.backfill());
        List<ColumnDefinition> created = r.into().stream().map(DerivedColumn::column).toList();
        List<Step> expand = new ArrayList<>(shapes.expand());
        expand.addAll(NewColumns.constrain(context, r.table(), created));
        List<Step> contract = new ArrayList<>();
        contract.add(new Step.Statement("ALTER TABLE " + table(r.table()) + " DROP COLUMN IF EXISTS " + quote(r.column())));
        contract.addAll(NewColumns.finish(context, r.table(), created));
        return new RefactoringPlan(expand, shapes.release(), contract);
    }
}
