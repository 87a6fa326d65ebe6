package dev.graft.verifier.internal;

import dev.graft.branch.Branch;
import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.snapshot.DataFingerprint;
import dev.graft.verifier.snapshot.DatabaseState;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import dev.graft.verifier.snapshot.TableWrites;
import dev.graft.verifier.snapshot.UserTable;
import dev.graft.verifier.sql.MigrationStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Checks 2 and 3: the migration run a second time over its own result changes nothing, and the
 * migration interrupted after any statement (a Java migration: after any committed transaction)
 * and then run again reaches the clean run's end state. Each run has its own branch.
 *
 * <p>An interrupted SQL migration is proven cheaply first: over the interrupted state, the
 * statements already run are run again; when that changes nothing, the rerun is from there on the
 * clean run itself (same statements, same state), so it ends where the clean run ends, and no
 * backfill runs twice. Only when it does change something is the migration interrupted again on a
 * fresh branch and rerun whole by Flyway, and its end state compared with the clean run's.
 */
final class ReplayChecks {

    /**
     * The clean run, once it has applied and every branch of it has been made.
     *
     * @param state what the checks compare with
     * @param wrote the tables the clean run may have changed
     */
    record CleanRun(ReferenceState state, Set<String> wrote) { }

    private final RunContext context;
    private final PendingMigration migration;
    private final Map<String, UserTable> baseMarks;
    private final CompletableFuture<CleanRun> clean;
    private volatile boolean abandoned;

    ReplayChecks(RunContext context, PendingMigration migration, Map<String, UserTable> baseMarks,
            CompletableFuture<CleanRun> clean) {
        this.context = context;
        this.migration = migration;
        this.baseMarks = baseMarks;
        this.clean = clean;
    }

    /** Interrupted runs that have not started yet do nothing: the migration does not apply. */
    void abandon() {
        abandoned = true;
    }

    /** Check 3 for statement boundary {@code k} of a SQL migration, on branches of {@code base}. */
    Callable<Optional<String>> prefix(String base, int k, Progress progress) {
        return () -> {
            if (abandoned) {
                return Optional.empty();
            }
            String where = "after statement " + k + " (line " + migration.statements().get(k - 1).line() + ")";
            List<MigrationStatement> prefix = migration.statements().subList(0, k);
            Optional<String> failure;
            Branch interrupted = context.ledger().create(base, migration.version(), "prefix-" + k);
            try {
                StatementRunner.run(interrupted.dataSource(), prefix);
                failure = repeatChangesNothing(interrupted, prefix) ? Optional.empty()
                        : rerun(fresh(base, k), "prefix-" + k, where);
            } catch (StatementRunner.Failure e) {
                failure = Optional.of("the prefix of " + k + " statements itself fails: " + e.getMessage());
            } finally {
                context.ledger().delete(interrupted);
            }
            progress.step(failure.isEmpty());
            return failure;
        };
    }

    /**
     * Check 3 for the statement boundaries {@code ks}, one after the other, each interrupted run
     * made from the one before (its statements leave nothing in the session that a later one
     * sees, so a new session continues where the old one stopped), instead of from the base:
     * statements before a boundary run once, not once per boundary. A boundary whose repeat
     * changes something starts the lineage again from the base. Completes {@code outcomes}, one
     * per boundary, whatever happens.
     */
    Callable<Void> lineage(String base, List<Integer> ks, List<CompletableFuture<Optional<String>>> outcomes,
            Progress progress) {
        return () -> {
            Branch previous = null;
            int ran = 0;
            int at = 0;
            try {
                for (; at < ks.size(); at++) {
                    int k = ks.get(at);
                    if (abandoned) {
                        outcomes.get(at).complete(Optional.empty());
                        continue;
                    }
                    String where = "after statement " + k + " (line " + migration.statements().get(k - 1).line() + ")";
                    Branch interrupted = context.ledger().create(previous == null ? base : previous.name(),
                            migration.version(), "prefix-" + k);
                    if (previous != null) {
                        context.ledger().delete(previous);
                        previous = null;
                    }
                    Optional<String> failure;
                    try {
                        StatementRunner.run(interrupted.dataSource(), migration.statements().subList(ran, k));
                        if (repeatChangesNothing(interrupted, migration.statements().subList(0, k))) {
                            failure = Optional.empty();
                            previous = interrupted;
                            ran = k;
                        } else {
                            failure = rerun(fresh(base, k), "prefix-" + k, where);
                        }
                    } catch (StatementRunner.Failure e) {
                        failure = Optional.of("the prefix of " + k + " statements itself fails: " + e.getMessage());
                    }
                    if (previous != interrupted) {
                        context.ledger().delete(interrupted);
                        ran = 0;
                    } else if (at == ks.size() - 1) {
                        // Gone before the last outcome is known: the run may end as soon as it is.
                        context.ledger().delete(previous);
                        previous = null;
                    }
                    progress.step(failure.isEmpty());
                    outcomes.get(at).complete(failure);
                }
            } catch (RuntimeException | Error e) {
                for (; at < ks.size(); at++) {
                    outcomes.get(at).complete(Optional.of("the replay crashed: " + ReplayText.firstLine(e)));
                }
                throw e;
            } finally {
                if (previous != null) {
                    context.ledger().delete(previous);
                }
            }
            return null;
        };
    }

    /** Check 3 for the {@code k}-th committed transaction of a Java migration, on a branch of {@code base}. */
    Callable<Optional<String>> batch(String base, int k, Progress progress) {
        return () -> {
            if (abandoned) {
                return Optional.empty();
            }
            Branch interrupted = context.ledger().create(base, migration.version(), "commit-" + k);
            Optional<String> failure;
            try {
                boolean stopped = context.flyway().migrateInterruptedAfter(interrupted.dataSource(),
                        migration.version(), k);
                failure = stopped ? rerun(interrupted, "commit-" + k, "after commit " + k) : Optional.empty();
            } catch (RuntimeException e) {
                failure = Optional.of("the run up to commit " + k + " itself fails: " + ReplayText.firstLine(e));
                context.ledger().delete(interrupted);
            }
            progress.step(failure.isEmpty());
            return failure;
        };
    }

    /**
     * Whether running {@code prefix} again over its own result changes nothing. Then a rerun of the
     * whole migration is, from the end of the prefix on, the clean run itself. Only the tables the
     * prefix wrote are fingerprinted beforehand; if the repeat writes another one, this cannot tell
     * and says no.
     */
    private boolean repeatChangesNothing(Branch branch, List<MigrationStatement> prefix) {
        // One connection reads before and after; the repeat has a session of its own, as a rerun would.
        return context.read(branch, c -> {
            Map<String, UserTable> marks = TableWrites.marks(c);
            Set<String> wrote = TableWrites.since(c, TableWrites.copied(baseMarks));
            DatabaseState before = new DatabaseState(SchemaSnapshot.read(c),
                    DataFingerprint.read(c, context.config().excludedTables(), wrote::contains));
            try {
                StatementRunner.run(branch.dataSource(), prefix);
            } catch (StatementRunner.Failure e) {
                return false;
            }
            Set<String> again = TableWrites.since(c, marks);
            if (!wrote.containsAll(again)) {
                return false;
            }
            DatabaseState after = new DatabaseState(SchemaSnapshot.read(c),
                    DataFingerprint.read(c, context.config().excludedTables(), again::contains));
            return before.schema().diff(after.schema()).isEmpty()
                    && before.data().only(again).differingTables(after.data()).isEmpty();
        });
    }

    /** A branch of {@code base} interrupted after statement {@code k} again, for the whole rerun. */
    private Branch fresh(String base, int k) {
        Branch branch = context.ledger().create(base, migration.version(), "prefix-" + k + "-rerun");
        try {
            StatementRunner.run(branch.dataSource(), migration.statements().subList(0, k));
            return branch;
        } catch (RuntimeException e) {
            context.ledger().delete(branch);
            throw e;
        }
    }

    /**
     * Flyway runs the whole migration over {@code interrupted}, which is deleted afterwards; empty
     * when it ends as the clean run did.
     */
    private Optional<String> rerun(Branch interrupted, String purpose, String where) {
        try {
            context.flyway().migrate(interrupted.dataSource(), migration.version());
            CleanRun run = context.awaitWithoutPermit(clean);
            Set<String> tables = new TreeSet<>(context.written(interrupted, TableWrites.copied(baseMarks)));
            tables.addAll(run.wrote());
            DatabaseState.Difference difference = run.state().compare(interrupted, tables);
            return difference.isEmpty() ? Optional.empty() : Optional.of(where + ", the rerun ends with "
                    + ReplayText.describe(difference) + ReplayText.schemaLines(difference));
        } catch (RuntimeException e) {
            return Optional.of(where + ", the rerun fails: " + ReplayText.firstLine(e));
        } finally {
            context.ledger().delete(interrupted);
        }
    }

    /**
     * At most {@code max} of the boundaries 1 to {@code boundaries}, spread evenly, the first and
     * the last included.
     */
    static List<Integer> spread(int boundaries, int max) {
        if (boundaries <= max) {
            return java.util.stream.IntStream.rangeClosed(1, boundaries).boxed().toList();
        }
        if (max == 1) {
            return List.of(1);
        }
        Set<Integer> chosen = new TreeSet<>();
        for (int i = 0; i < max; i++) {
            chosen.add(1 + (int) Math.round(i * (boundaries - 1) / (double) (max - 1)));
        }
        return List.copyOf(chosen);
    }

    /** Folds the prefix outcomes into the result of check 3. */
    CheckResult prefixResult(List<Optional<String>> outcomes, Duration took, String boundaries) {
        List<String> failures = new ArrayList<>();
        outcomes.forEach(o -> o.ifPresent(failures::add));
        if (failures.isEmpty()) {
            return CheckResult.passed(Check.PREFIX_REPLAY, took, outcomes.size() + " interrupted runs (" + boundaries
                    + ") each converge to the clean end state");
        }
        return CheckResult.failed(Check.PREFIX_REPLAY, took, failures.size() + " of " + outcomes.size()
                + " interrupted runs do not reach the clean end state", ReplayText.shown(failures));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
