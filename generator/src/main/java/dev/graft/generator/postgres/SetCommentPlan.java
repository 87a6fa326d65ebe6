package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.refactoring.SetComment;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;

/**
 * {@code set_comment}: {@code COMMENT ON COLUMN} (or {@code ON TABLE}) with the text as a
 * literal, or {@code IS NULL} to remove it; run only while {@code pg_description} holds something else.
 */
final class SetCommentPlan implements RefactoringPlanner<SetComment> {

    @Override
    public Class<SetComment> type() {
        return SetComment.class;
    }

    @Override
    public RefactoringPlan plan(SetComment r, PlanContext context) {
        String text = r.comment().map(c -> literal(c)).orElse("NULL");
        Step step = r.column().<Step>map(column -> new Step.Guarded(
                ColumnCatalog.columnCommentIsNot(r.table(), column, r.comment()),
                "COMMENT ON COLUMN " + table(r.table()) + "." + quote(column) + " IS " + text))
                .orElseGet(() -> new Step.Guarded(ColumnCatalog.tableCommentIsNot(r.table(), r.comment()),
                        "COMMENT ON TABLE " + table(r.table()) + " IS " + text));
        return RefactoringPlan.of(List.of(step));
    }
}
