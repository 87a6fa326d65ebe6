package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.catalog.TableView;
import dev.graft.catalog.refactoring.Backfill;
import dev.graft.catalog.refactoring.IntroduceCalculatedColumn;
import dev.graft.generator.plan.BackfillClaim;
import dev.graft.generator.plan.PgCatalog;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.RefactoringPlan;
import dev.graft.generator.plan.RefactoringPlanner;
import dev.graft.generator.plan.Step;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code introduce_calculated_column}. The generated form is one {@code ADD COLUMN IF NOT EXISTS
 * ... GENERATED ALWAYS AS (...) STORED}: PostgreSQL rewrites the table holding an ACCESS EXCLUSIVE
 * lock, so every reader and writer waits for the whole rewrite. The trigger form adds the column bare
 * together with a BEFORE INSERT OR UPDATE trigger that sets it from the row (one statement: no
 * write lands between them, and a brief lock), then backfills existing rows in key batches with the
 * shared backfill (resumable, its claim on the trigger function); the trigger stays, named
 * {@code <table>_<column>_calc}. The trade-off: the generated form can never be written and needs
 * no trigger; the trigger form keeps the table online and its expression may be changed later.
 */
final class IntroduceCalculatedColumnPlan implements RefactoringPlanner<IntroduceCalculatedColumn> {

    @Override
    public Class<IntroduceCalculatedColumn> type() {
        return IntroduceCalculatedColumn.class;
    }

    @Override
    public RefactoringPlan plan(IntroduceCalculatedColumn r, PlanContext context) {
        String alter = "ALTER TABLE " + table(r.table());
        String column = quote(r.column());
        String value = "(" + r.expression().sql() + ")";
        if (r.stored() == IntroduceCalculatedColumn.Stored.GENERATED) {
            return RefactoringPlan.of(List.of(new Step.Statement(alter + " ADD COLUMN IF NOT EXISTS " + column + " "
                    + r.type() + " GENERATED ALWAYS AS " + value + " STORED")));
        }
        TableView before = context.table(r.table());
        String name = r.table().name() + "_" + r.column() + "_calc";
        String scope = before.columnNames().stream().map(n -> "NEW." + quote(n) + " AS " + quote(n))
                .collect(Collectors.joining(", "));
        String body = "\nBEGIN\n  SELECT " + value + " INTO NEW." + column + " FROM (SELECT " + scope
                + ") AS graft_row;\n  RETURN NEW;\nEND\n";
        String comment = context.names().keptComment();
        BackfillClaim claim = TransitionTrigger.claim(r.table(), name, context.names());
        BackfillClaim kept = new BackfillClaim(claim.name(), claim.function(), comment);
        return RefactoringPlan.of(List.of(
                new Step.Atomic(List.of(kept.lockStep(),
                        new Step.Guarded(PgCatalog.not(PgCatalog.columnExists(r.table(), r.column())),
                                alter + " ADD COLUMN " + column + " " + r.type()),
                        TransitionTrigger.install(r.table(), name, body, comment))),
                new Step.Backfill(r.table(), before.rowKey().orElseThrow(),
                        List.of(new Step.Assignment(r.column(), value)), column + " IS DISTINCT FROM " + value,
                        Optional.empty(), r.backfill().map(Backfill::batchSize).orElse(context.batchSize()),
                        r.backfill().isPresent(), Optional.of(kept))));
    }
}
