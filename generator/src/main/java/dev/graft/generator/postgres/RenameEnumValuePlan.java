package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.RenameEnumValue;
import dev.graft.generator.plan.PgCatalog;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;

/**
 * {@code rename_enum_value}: {@code ALTER TYPE ... RENAME VALUE}, guarded on {@code pg_enum}: it
 * runs while the old label is there and the new one is not, so a re-run does nothing.
 */
final class RenameEnumValuePlan implements RefactoringPlanner<RenameEnumValue> {

    @Override
    public Class<RenameEnumValue> type() {
        return RenameEnumValue.class;
    }

    @Override
    public RefactoringPlan plan(RenameEnumValue r, PlanContext context) {
        String condition = PgCatalog.and(TypeCatalog.labelExists(r.type(), r.from()),
                PgCatalog.not(TypeCatalog.labelExists(r.type(), r.to())));
        return RefactoringPlan.of(List.of(new Step.Guarded(condition, "ALTER TYPE " + table(r.type())
                + " RENAME VALUE " + literal(r.from()) + " TO " + literal(r.to()))));
    }
}
