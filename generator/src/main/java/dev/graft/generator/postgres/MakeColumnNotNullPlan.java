package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;

import dev.graft.catalog.refactoring.MakeColumnNotNull;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code make_column_not_null}: a CHECK (column IS NOT NULL) NOT VALID (new NULLs are refused
 * from now on), existing NULLs replaced by {@code default_for_nulls} in key batches, VALIDATE,
 * SET NOT NULL (no scan, thanks to the validated check), and the check dropped.
 */
final class MakeColumnNotNullPlan implements RefactoringPlanner<MakeColumnNotNull> {

    @Override
    public Class<MakeColumnNotNull> type() {
        return MakeColumnNotNull.class;
    }

    @Override
    public RefactoringPlan plan(MakeColumnNotNull r, PlanContext context) {
        String check = context.names().of(r.table(), r.column() + "_not_null");
        List<Step> steps = new ArrayList<>();
        List<Step> checkSteps = OnlineConstraints.checkNotNull(r.table(), r.column(), check);
        steps.add(checkSteps.get(0));
        r.defaultForNulls().ifPresent(d -> steps.add(new Step.Backfill(r.table(),
                context.table(r.table()).rowKey().orElseThrow(),
                List.of(new Step.Assignment(r.column(), "(" + d.sql() + ")")),
                quote(r.column()) + " IS NULL", Optional.empty(),
                r.backfill().map(b -> b.batchSize()).orElse(context.batchSize()), r.backfill().isPresent(),
                Optional.empty())));
        steps.add(checkSteps.get(1));
        steps.addAll(OnlineConstraints.finishNotNull(r.table(), r.column(), check));
        return RefactoringPlan.of(steps);
    }
}
