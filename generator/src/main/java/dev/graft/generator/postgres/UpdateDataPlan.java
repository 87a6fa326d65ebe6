package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.UpdateData;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code update_data}: updates the rows matching {@code where} whose values differ from
 * {@code set}, so a second run changes nothing; with {@code backfill} in committed batches.
 */
final class UpdateDataPlan implements RefactoringPlanner<UpdateData> {

    @Override
    public Class<UpdateData> type() {
        return UpdateData.class;
    }

    @Override
    public RefactoringPlan plan(UpdateData r, PlanContext context) {
        List<String> columns = List.copyOf(r.set().keySet());
        String differs = "ROW(" + columns.stream().map(c -> quote(c)).collect(Collectors.joining(", "))
                + ") IS DISTINCT FROM ROW(" + r.set().values().stream().map(e -> "(" + e.sql() + ")")
                .collect(Collectors.joining(", ")) + ")";
        String pending = "(" + r.where().sql() + ") AND " + differs;
        if (r.backfill().isPresent()) {
            return RefactoringPlan.of(List.of(new Step.Backfill(r.table(),
                    context.table(r.table()).rowKey().orElseThrow(),
                    r.set().entrySet().stream().map(e -> new Step.Assignment(e.getKey(), "(" + e.getValue().sql() + ")"))
                            .toList(),
                    pending, Optional.empty(), r.backfill().get().batchSize(), true, Optional.empty())));
        }
        return RefactoringPlan.of(List.of(new Step.Statement("UPDATE " + table(r.table()) + " SET "
                + r.set().entrySet().stream().map(e -> quote(e.getKey()) + " = (" + e.getValue().sql() + ")")
                .collect(Collectors.joining(", "))
                + " WHERE " + pending)));
    }
}
