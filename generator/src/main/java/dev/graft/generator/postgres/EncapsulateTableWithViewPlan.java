package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.list;
import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.EncapsulateTableWithView;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;

/**
 * {@code encapsulate_table_with_view}: {@code CREATE OR REPLACE VIEW} of the table's columns, by
 * name, from the table alone: PostgreSQL makes such a view automatically updatable, so INSERT,
 * UPDATE and DELETE through it reach the table, with its defaults, constraints and triggers. A
 * second run replaces the view by the same one. No contract: the view stays.
 */
final class EncapsulateTableWithViewPlan implements RefactoringPlanner<EncapsulateTableWithView> {

    @Override
    public Class<EncapsulateTableWithView> type() {
        return EncapsulateTableWithView.class;
    }

    @Override
    public RefactoringPlan plan(EncapsulateTableWithView r, PlanContext context) {
        return RefactoringPlan.of(view(r.view(), r.table(), context.table(r.table()).columnNames(), "",
                context.names().keptComment()));
    }

    /** The view of {@code columns} of {@code from} (rows where {@code where}, if not empty), and its comment. */
    static List<Step> view(dev.graft.catalog.refactoring.TableName view, dev.graft.catalog.refactoring.TableName from,
            List<String> columns, String where, String comment) {
        return List.of(new Step.Statement("CREATE OR REPLACE VIEW " + table(view) + " AS SELECT " + list(columns)
                        + " FROM " + table(from) + (where.isEmpty() ? "" : " WHERE " + where)),
                new Step.Statement("COMMENT ON VIEW " + table(view) + " IS " + literal(comment)));
    }
}
