package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.SetDefault;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;

/**
 * {@code set_default}: {@code ALTER COLUMN ... SET DEFAULT}, a catalog-only change (no row is
 * rewritten). It is idempotent as written: run again, it stores the same expression. It is not
 * guarded by the current default because PostgreSQL keeps a default only in its parsed form, which
 * the plan cannot know before the server has parsed it.
 */
final class SetDefaultPlan implements RefactoringPlanner<SetDefault> {

    @Override
    public Class<SetDefault> type() {
        return SetDefault.class;
    }

    @Override
    public RefactoringPlan plan(SetDefault r, PlanContext context) {
        return RefactoringPlan.of(List.of(new Step.Statement("ALTER TABLE " + table(r.table()) + " ALTER COLUMN "
                + quote(r.column()) + " SET DEFAULT (" + r.defaultValue().sql() + ")")));
    }
}
