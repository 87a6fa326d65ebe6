package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.CreateIndex;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;

/**
 * {@code create_index}: {@code CREATE INDEX CONCURRENTLY IF NOT EXISTS}, after dropping an
 * INVALID leftover of an interrupted build; its migration runs outside a transaction. Method,
 * operator classes, include, storage parameters and tablespace: {@link IndexClauses}.
 */
final class CreateIndexPlan implements RefactoringPlanner<CreateIndex> {

    @Override
    public Class<CreateIndex> type() {
        return CreateIndex.class;
    }

    @Override
    public RefactoringPlan plan(CreateIndex r, PlanContext context) {
        String on = IndexClauses.on(r.options());
        String create = "CREATE " + (r.unique() ? "UNIQUE " : "") + "INDEX CONCURRENTLY IF NOT EXISTS "
                + quote(r.indexName()) + " ON " + table(r.table()) + " " + on
                + r.where().map(w -> " WHERE (" + w.sql() + ")").orElse("");
        return RefactoringPlan.of(List.of(new Step.ConcurrentIndex(r.table(), r.indexName(), create)));
    }
}
