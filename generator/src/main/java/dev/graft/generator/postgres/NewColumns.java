package dev.graft.generator.postgres;

import dev.graft.catalog.refactoring.ColumnDefinition;
import dev.graft.catalog.refactoring.TableName;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Columns a transition adds bare and completes in two halves: during the expand (after the
 * backfill) the validated NOT NULL check and the declared constraints; in the contract, SET NOT
 * NULL and the default, which only apply once old writers are gone.
 */
final class NewColumns {

    private NewColumns() { }

    static List<Step> constrain(PlanContext context, TableName table, List<ColumnDefinition> columns) {
        List<Step> steps = new ArrayList<>();
        for (ColumnDefinition c : columns) {
            if (!c.nullable()) {
                steps.addAll(OnlineConstraints.checkNotNull(table, c.name(), notNullCheck(context, table, c.name())));
            }
            steps.addAll(OnlineConstraints.declaredBy(table, c));
        }
        return steps;
    }

    static List<Step> finish(PlanContext context, TableName table, List<ColumnDefinition> columns) {
        List<Step> steps = new ArrayList<>();
        for (ColumnDefinition c : columns) {
            if (!c.nullable()) {
                steps.addAll(OnlineConstraints.finishNotNull(table, c.name(), notNullCheck(context, table, c.name())));
            }
            SyncedShapes.setDefault(table, c.name(), c.defaultValue().map(d -> d.sql())).ifPresent(steps::add);
        }
        return steps;
    }

    static String notNullCheck(PlanContext context, TableName table, String column) {
        return context.names().of(table, column + "_not_null");
    }
}
