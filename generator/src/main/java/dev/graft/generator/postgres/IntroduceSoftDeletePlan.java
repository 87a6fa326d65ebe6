package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.inSchema;
import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.TableView;
import dev.graft.catalog.refactoring.IntroduceSoftDelete;
import dev.graft.generator.plan.Dollar;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code introduce_soft_delete}: the column added bare ({@code ADD COLUMN IF NOT EXISTS}, nullable
 * without a default: no rewrite, a brief lock), the view of live rows (automatically updatable: a
 * single table and a WHERE), and an {@code INSTEAD OF DELETE} trigger on the view that sets the
 * deletion time of the row, found by its key, instead of deleting it. INSERT and UPDATE through the
 * view stay automatic. Function and trigger are {@code CREATE OR REPLACE}: a re-run replaces them by
 * the same. They are named {@code <view>_soft_delete}, not {@code graft_...}: they stay for good.
 */
final class IntroduceSoftDeletePlan implements RefactoringPlanner<IntroduceSoftDelete> {

    @Override
    public Class<IntroduceSoftDelete> type() {
        return IntroduceSoftDelete.class;
    }

    @Override
    public RefactoringPlan plan(IntroduceSoftDelete r, PlanContext context) {
        TableView t = context.table(r.table());
        String column = quote(r.column());
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.Statement("ALTER TABLE " + table(r.table()) + " ADD COLUMN IF NOT EXISTS " + column + " "
                + IntroduceSoftDelete.TYPE));
        steps.addAll(EncapsulateTableWithViewPlan.view(r.view(), r.table(), t.columnNames(), column + " IS NULL",
                context.names().keptComment()));
        String name = r.view().name() + "_soft_delete";
        String function = inSchema(r.view(), name);
        String key = t.rowKey().orElseThrow().stream().map(k -> quote(k) + " = OLD." + quote(k))
                .collect(Collectors.joining(" AND "));
        String body = "\nBEGIN\n  UPDATE " + table(r.table()) + " SET " + column + " = pg_catalog.now() WHERE " + key
                + " AND " + column + " IS NULL;\n  RETURN OLD;\nEND\n";
        steps.add(new Step.Statement("CREATE OR REPLACE FUNCTION " + function
                + "() RETURNS trigger LANGUAGE plpgsql AS " + Dollar.quote(body)));
        steps.add(new Step.Statement("CREATE OR REPLACE TRIGGER " + quote(name) + " INSTEAD OF DELETE ON "
                + table(r.view()) + " FOR EACH ROW EXECUTE FUNCTION " + function + "()"));
        steps.add(new Step.Statement("COMMENT ON FUNCTION " + function + "() IS " + literal(context.names().keptComment())));
        return RefactoringPlan.of(steps);
    }
}
