package dev.graft.verifier.internal;

import dev.graft.branch.Branch;
import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.snapshot.DatabaseState;
import dev.graft.verifier.sql.MigrationStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Checks 2 and 3: the migration's SQL run a second time over its own result changes nothing, and
 * the migration interrupted after any statement and then run whole reaches the clean run's end
 * state. Each run has its own branch.
 */
final class ReplayChecks {

    private static final int SHOWN = 20;

    private final RunContext context;
    private final PendingMigration migration;
    private final DatabaseState end;

    ReplayChecks(RunContext context, PendingMigration migration, DatabaseState end) {
        this.context = context;
        this.migration = migration;
        this.end = end;
    }

    /** Check 2, on a branch of the clean run's branch. */
    Callable<CheckResult> reapply(String clean) {
        return () -> {
            long start = System.nanoTime();
            Branch branch = context.ledger().create(clean, migration.version(), "reapply");
            try {
                StatementRunner.run(branch.dataSource(), migration.statements());
                DatabaseState.Difference difference = end.compare(context.state(branch));
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                if (difference.isEmpty()) {
                    return CheckResult.passed(Check.REAPPLY, took, migration.statements().size()
                            + " statements run again: schema and data unchanged");
                }
                return CheckResult.failed(Check.REAPPLY, took, "the second run changed " + describe(difference),
                        shown(difference.lines()));
            } catch (StatementRunner.Failure e) {
                return CheckResult.failed(Check.REAPPLY, Duration.ofNanos(System.nanoTime() - start),
                        "the second run fails at statement " + e.statement().index() + " (line "
                                + e.statement().line() + ")",
                        List.of(e.getMessage(), "statement: " + e.statement().summary()));
            } finally {
                context.ledger().delete(branch);
            }
        };
    }

    /** Check 3 for boundary {@code k}: on a branch of {@code base}, the first k statements, then all by Flyway. */
    Callable<Optional<String>> prefix(String base, int k, Progress progress) {
        return () -> {
            Branch branch = context.ledger().create(base, migration.version(), "prefix-" + k);
            Optional<String> failure;
            try {
                StatementRunner.run(branch.dataSource(), migration.statements().subList(0, k));
                try {
                    context.flyway().migrate(branch.dataSource(), migration.version());
                    DatabaseState.Difference difference = end.compare(context.state(branch));
                    failure = difference.isEmpty() ? Optional.empty() : Optional.of("after statement " + k
                            + " (line " + migration.statements().get(k - 1).line() + "), the rerun ends with "
                            + describe(difference) + schemaLines(difference));
                } catch (RuntimeException e) {
                    failure = Optional.of("after statement " + k + " (line " + migration.statements().get(k - 1).line()
                            + "), the rerun fails: " + firstLine(e));
                }
            } catch (StatementRunner.Failure e) {
                failure = Optional.of("the prefix of " + k + " statements itself fails: " + e.getMessage());
            } finally {
                context.ledger().delete(branch);
            }
            progress.step(failure.isEmpty());
            return failure;
        };
    }

    /** Folds the prefix outcomes into the result of check 3. */
    CheckResult prefixResult(List<Optional<String>> outcomes, Duration took) {
        List<String> failures = new ArrayList<>();
        outcomes.forEach(o -> o.ifPresent(failures::add));
        int n = migration.statements().size();
        if (failures.isEmpty()) {
            return CheckResult.passed(Check.PREFIX_REPLAY, took, outcomes.size() + " interrupted runs (of " + n
                    + " statements) each converge to the clean end state");
        }
        return CheckResult.failed(Check.PREFIX_REPLAY, took, failures.size() + " of " + outcomes.size()
                + " interrupted runs do not reach the clean end state", shown(failures));
    }

    static String describe(DatabaseState.Difference difference) {
        List<String> parts = new ArrayList<>();
        int schema = difference.schema().lines().size();
        if (schema > 0) {
            parts.add(schema + " schema object" + (schema == 1 ? "" : "s"));
        }
        if (!difference.tables().isEmpty()) {
            parts.add("the rows of " + String.join(", ", difference.tables()));
        }
        return String.join(" and ", parts);
    }

    private static String schemaLines(DatabaseState.Difference difference) {
        List<String> lines = difference.schema().lines();
        return lines.isEmpty() ? "" : ": " + String.join("; ", shown(lines));
    }

    static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        return message.strip().lines().findFirst().orElse(message);
    }

    private static List<String> shown(List<String> lines) {
        if (lines.size() <= SHOWN) {
            return lines;
        }
        List<String> some = new ArrayList<>(lines.subList(0, SHOWN));
        some.add("... and " + (lines.size() - SHOWN) + " more");
        return some;
    }
}
