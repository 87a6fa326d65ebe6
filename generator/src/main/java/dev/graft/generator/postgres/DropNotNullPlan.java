package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.DropNotNull;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;

/** {@code drop_not_null}: {@code DROP NOT NULL} while {@code pg_attribute.attnotnull} says the column has it. */
final class DropNotNullPlan implements RefactoringPlanner<DropNotNull> {

    @Override
    public Class<DropNotNull> type() {
        return DropNotNull.class;
    }

    @Override
    public RefactoringPlan plan(DropNotNull r, PlanContext context) {
        return RefactoringPlan.of(List.of(new Step.Guarded(ColumnCatalog.notNull(r.table(), r.column()),
                "ALTER TABLE " + table(r.table()) + " ALTER COLUMN " + quote(r.column()) + " DROP NOT NULL")));
    }
}
