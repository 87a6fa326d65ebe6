package dev.graft.verifier.internal;

import dev.graft.branch.Branch;
import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.snapshot.DatabaseState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Check 2: running the migration a second time over the clean run's end succeeds and changes
 * neither schema nor data. A failing statement is named with PostgreSQL's own message.
 */
final class ReapplyCheck {

    private ReapplyCheck() {
    }

    /** Check 2, on {@code branch}, a copy of the clean run's branch made for it. */
    static Callable<CheckResult> reapply(RunContext context, PendingMigration migration,
            CompletableFuture<ReplayChecks.CleanRun> clean, Branch branch) {
        return () -> {
            long start = System.nanoTime();
            try {
                String ran;
                if (migration.isSql()) {
                    StatementRunner.run(branch.dataSource(), migration.statements());
                    ran = migration.statements().size() + " statements run again";
                } else {
                    context.flyway().forget(branch.dataSource(), migration.version());
                    context.flyway().migrate(branch.dataSource(), migration.version());
                    ran = "run again by Flyway";
                }
                ReferenceState reference = context.awaitWithoutPermit(clean).state();
                DatabaseState.Difference difference = reference.compare(branch, reference.writtenOn(branch));
                Duration took = since(start);
                if (difference.isEmpty()) {
                    return CheckResult.passed(Check.REAPPLY, took, ran + ": schema and data unchanged");
                }
                return CheckResult.failed(Check.REAPPLY, took, "the second run changed " + ReplayText.describe(difference),
                        ReplayText.shown(difference.lines()));
            } catch (StatementRunner.Failure e) {
                return CheckResult.failed(Check.REAPPLY, since(start), "the second run fails at statement "
                                + e.statement().index() + " (line " + e.statement().line() + "): "
                                + ReplayText.firstLine(e),
                        List.of(e.getMessage(), "statement: " + e.statement().summary()));
            } catch (RuntimeException e) {
                return CheckResult.failed(Check.REAPPLY, since(start), "the second run fails: " + ReplayText.firstLine(e),
                        List.of(String.valueOf(e.getMessage())));
            } finally {
                context.ledger().delete(branch);
            }
        };
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
