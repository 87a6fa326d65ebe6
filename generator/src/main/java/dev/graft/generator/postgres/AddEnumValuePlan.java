package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.AddEnumValue;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;

/**
 * {@code add_enum_value}: {@code ALTER TYPE ... ADD VALUE IF NOT EXISTS}, a step of its own
 * outside the migration's transaction, so the label is committed before any later statement
 * (or a later migration run in the same transaction) uses it.
 */
final class AddEnumValuePlan implements RefactoringPlanner<AddEnumValue> {

    @Override
    public Class<AddEnumValue> type() {
        return AddEnumValue.class;
    }

    @Override
    public RefactoringPlan plan(AddEnumValue r, PlanContext context) {
        String place = r.before().map(b -> " BEFORE " + literal(b)).orElse("")
                + r.after().map(a -> " AFTER " + literal(a)).orElse("");
        return RefactoringPlan.of(List.of(new Step.Outside("ALTER TYPE " + table(r.type()) + " ADD VALUE IF NOT EXISTS "
                + literal(r.value()) + place)));
    }
}
