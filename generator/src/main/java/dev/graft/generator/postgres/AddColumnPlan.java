package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.TableView;
import dev.graft.catalog.refactoring.AddColumn;
import dev.graft.catalog.refactoring.Backfill;
import dev.graft.catalog.refactoring.ColumnDefinition;
import dev.graft.generator.plan.BackfillClaim;
import dev.graft.generator.plan.PgCatalog;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code add_column}: {@code ADD COLUMN IF NOT EXISTS} with its constraints added online. With
 * {@code up} (or {@code from}) it is a transition: the column is added bare together with a trigger that fills it
 * for rows old writers leave empty (one statement, so no write lands between them), existing rows
 * still empty are backfilled in key batches (never a value a writer set), then come the default, NOT
 * NULL (validated check first) and the declared constraints (unique through an index built
 * concurrently, check and references NOT VALID then validated); the contract drops the trigger.
 */
final class AddColumnPlan implements RefactoringPlanner<AddColumn> {

    @Override
    public Class<AddColumn> type() {
        return AddColumn.class;
    }

    @Override
    public RefactoringPlan plan(AddColumn r, PlanContext context) {
        ColumnDefinition c = r.column();
        String alter = "ALTER TABLE " + table(r.table());
        if (r.from().isEmpty()) {
            List<Step> steps = new ArrayList<>();
            steps.add(new Step.Statement(alter + " ADD COLUMN IF NOT EXISTS " + ColumnClauses.column(c, true, true)));
            steps.addAll(OnlineConstraints.declaredBy(r.table(), c));
            return RefactoringPlan.of(steps);
        }
        TableView before = context.table(r.table());
        String name = context.names().of(r.table(), c.name() + "_fill");
        String fill = new RowExpressions(r.table(), TransitionTrigger.identity(before.columnNames()))
                .assign(List.of(r.from().get().sql()), List.of("NEW." + quote(c.name())), "    ");
        String body = "\n" + RowExpressions.DIRECTIVE + "BEGIN\n  IF NEW." + quote(c.name()) + " IS NULL THEN\n" + fill
                + "  END IF;\n  RETURN NEW;\nEND\n";
        BackfillClaim claim = TransitionTrigger.claim(r.table(), name, context.names());
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.Atomic(List.of(claim.lockStep(),
                new Step.Guarded(PgCatalog.not(PgCatalog.columnExists(r.table(), c.name())),
                        alter + " ADD COLUMN " + ColumnClauses.column(c, false, false)),
                TransitionTrigger.install(r.table(), name, body, context.names().comment()))));
        steps.add(new Step.Backfill(r.table(), before.rowKey().orElseThrow(),
                List.of(new Step.Assignment(c.name(), "(" + r.from().get().sql() + ")")),
                quote(c.name()) + " IS NULL AND (" + r.from().get().sql() + ") IS NOT NULL",
                Optional.empty(), r.backfill().map(Backfill::batchSize).orElse(context.batchSize()),
                r.backfill().isPresent(), Optional.of(claim)));
        c.defaultValue().ifPresent(d -> steps.add(new Step.Statement(alter + " ALTER COLUMN " + quote(c.name())
                + " SET DEFAULT (" + d.sql() + ")")));
        if (!c.nullable()) {
            String check = NewColumns.notNullCheck(context, r.table(), c.name());
            steps.addAll(OnlineConstraints.checkNotNull(r.table(), c.name(), check));
            steps.addAll(OnlineConstraints.finishNotNull(r.table(), c.name(), check));
        }
        steps.addAll(OnlineConstraints.declaredConcurrently(r.table(), c));
        return new RefactoringPlan(steps, TransitionTrigger.drop(r.table(), name), List.of());
    }
}
