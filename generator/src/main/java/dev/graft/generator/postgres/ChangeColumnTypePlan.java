package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.refactoring.ChangeColumnType;
import dev.graft.catalog.refactoring.Expression;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code change_column_type}: the expand adds a shadow column of the new type
 * ({@code graft_<version>_<table>_<column>}), keeps it in sync ({@code up} forth, {@code down}
 * back, where {@code down} reads the column's name as the new value) and backfills it; a NOT
 * NULL column gets a validated check on the shadow. The contract ({@link ShadowSwap}) puts the
 * shadow in the column's place and rebuilds what was attached to the column, indexes
 * concurrently and constraints NOT VALID then validated, so the result equals an in-place
 * {@code ALTER COLUMN ... TYPE} without its long exclusive lock.
 */
final class ChangeColumnTypePlan implements RefactoringPlanner<ChangeColumnType> {

    @Override
    public Class<ChangeColumnType> type() {
        return ChangeColumnType.class;
    }

    @Override
    public RefactoringPlan plan(ChangeColumnType r, PlanContext context) {
        ColumnView column = context.table(r.table()).column(r.column()).orElseThrow();
        String shadow = context.names().of(r.table(), r.column());
        Map<String, String> backScope = new LinkedHashMap<>();
        for (String name : context.table(r.table()).columnNames()) {
            backScope.put(name, name.equals(r.column()) ? shadow : name);
        }
        Optional<String> newDefault = r.defaultValue().map(Expression::sql).or(column::defaultValue);
        SyncedShapes shapes = new SyncedShapes(context, r.table(), r.column() + "_sync", List.of(r.column()),
                Map.of(shadow, r.type()), newDefault.map(d -> Map.of(shadow, d)).orElse(Map.of()),
                List.of(r.up().sql()), List.of(r.down().sql()), backScope, r.onConflict(), r.backfill());
        String check = NewColumns.notNullCheck(context, r.table(), r.column());
        List<Step> expand = new ArrayList<>(shapes.expand());
        expand.add(new Step.Statement("COMMENT ON COLUMN " + table(r.table()) + "." + quote(shadow) + " IS "
                + literal(context.names().comment())));
        if (!column.nullable()) {
            expand.addAll(OnlineConstraints.checkNotNull(r.table(), shadow, check));
        }
        ShadowSwap swap = new ShadowSwap(r.table(), r.column(), shadow, context.names().of(r.table(), r.column() + "_old"),
                context.names().of(r.table(), r.column() + "_sync"), check, newDefault, r.down().sql(),
                context.table(r.table()).columnNames(), ColumnAttachments.of(context, r.table(), r.column()));
        return new RefactoringPlan(expand, swap.prepare(), shapes.release(), List.of(swap.end()));
    }
}
