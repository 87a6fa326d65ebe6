package dev.graft.verifier.internal;

import dev.graft.branch.Branch;
import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.sql.MigrationStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Check 3 of one migration: which interrupted runs it takes, their submission to the pool, and
 * the result they add up to. A SQL migration's runs start from the base at once; a Java
 * migration's once the clean run has counted its commits.
 */
final class PrefixReplays {

    private final RunContext context;
    private final PendingMigration migration;
    private final ReplayChecks replay;
    private final List<Future<Optional<String>>> runs = new ArrayList<>();
    /** The result, when no boundary needs a run of its own. */
    private CheckResult decided;
    /** Statement boundaries whose interrupted run would repeat another check's. */
    private int sameAsAnother;
    private long start = System.nanoTime();

    PrefixReplays(RunContext context, PendingMigration migration, ReplayChecks replay) {
        this.context = context;
        this.migration = migration;
        this.replay = replay;
    }

    /**
     * The runs of a SQL migration: one per statement boundary, except where a rerun cannot tell
     * the boundary from another: after a {@code SET} or {@code RESET} the database holds what it
     * held before it (the boundary before), and when only such statements follow, the interrupted
     * run's database is the clean run's (the reapply check).
     */
    void submitStatements(Branch base) {
        start = System.nanoTime();
        List<MigrationStatement> statements = migration.statements();
        int n = statements.size();
        if (!context.config().runs(Check.PREFIX_REPLAY) || !migration.isSql()) {
            return;
        }
        List<Integer> boundaries = new ArrayList<>();
        for (int k = 1; k < n; k++) {
            boolean onlySessionAfter = context.config().runs(Check.REAPPLY)
                    && statements.subList(k, n).stream().allMatch(MigrationStatement::sessionOnly);
            if (!statements.get(k - 1).sessionOnly() && !onlySessionAfter) {
                boundaries.add(k);
            }
        }
        sameAsAnother = n - 1 - boundaries.size();
        if (boundaries.isEmpty()) {
            decided = CheckResult.passed(Check.PREFIX_REPLAY, Duration.ZERO, n == 1
                    ? "one statement: no boundary inside it (the rerun is the reapply check)"
                    : "no boundary but next to SET / RESET statements, where a rerun is the apply or reapply check");
            return;
        }
        Progress progress = new Progress("V" + migration.version() + " prefix replay", boundaries.size());
        int last = boundaries.get(boundaries.size() - 1);
        if (statements.subList(0, last).stream().allMatch(MigrationStatement::sessionNeutral)) {
            List<CompletableFuture<Optional<String>>> outcomes = new ArrayList<>();
            boundaries.forEach(k -> outcomes.add(new CompletableFuture<>()));
            context.submit(replay.lineage(base.name(), boundaries, outcomes, progress));
            runs.addAll(outcomes);
            return;
        }
        for (int k : boundaries) {
            runs.add(context.submit(replay.prefix(base.name(), k, progress)));
        }
    }

    /** The runs of a Java migration: one per committed transaction, at most the configured number. */
    void submitCommits(Branch base, int commits) {
        if (!context.config().runs(Check.PREFIX_REPLAY) || migration.isSql()) {
            return;
        }
        List<Integer> chosen = ReplayChecks.spread(commits - 1, context.config().commitBoundaries());
        if (chosen.isEmpty()) {
            decided = CheckResult.passed(Check.PREFIX_REPLAY, Duration.ZERO, commits
                    + " committed transaction(s): no boundary inside the migration (the rerun is the reapply check)");
            return;
        }
        Progress progress = new Progress("V" + migration.version() + " commit replay", chosen.size());
        for (int k : chosen) {
            runs.add(context.submit(replay.batch(base.name(), k, progress)));
        }
    }

    /** Waits for the runs and folds them into the check's result; empty when the check does not run. */
    Optional<CheckResult> result(int commits) {
        if (decided != null) {
            return Optional.of(decided);
        }
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        List<Optional<String>> outcomes = new ArrayList<>();
        for (Future<Optional<String>> run : runs) {
            outcomes.add(await(run).orElseGet(e -> Optional.of("the replay crashed: " + e)));
        }
        return Optional.of(replay.prefixResult(outcomes, Duration.ofNanos(System.nanoTime() - start),
                boundaries(commits)));
    }

    private String boundaries(int commits) {
        if (migration.isSql()) {
            return "of " + migration.statements().size() + " statements" + (sameAsAnother == 0 ? "" : "; "
                    + sameAsAnother + " boundar" + (sameAsAnother == 1 ? "y" : "ies")
                    + " next to SET / RESET statements need no run of their own");
        }
        int inside = Math.max(0, commits - 1);
        return "after commits of " + commits + (inside > context.config().commitBoundaries()
                ? ", " + context.config().commitBoundaries() + " of the " + inside + " boundaries, evenly spread" : "");
    }

    /**
     * The migration does not apply: interrupted runs not yet started do nothing, running ones are
     * waited for (a cancelled FutureTask that already runs would go on unseen, and leave a branch).
     */
    void abandon() {
        replay.abandon();
        context.withoutPermit(() -> runs.forEach(PrefixReplays::await));
    }

    /** A value, or the reason there is none. */
    record Awaited<T>(T value, String error) {
        T orElseGet(java.util.function.Function<String, T> fallback) {
            return error == null ? value : fallback.apply(error);
        }
    }

    static <T> Awaited<T> await(Future<T> future) {
        try {
            return new Awaited<>(future.get(), null);
        } catch (ExecutionException e) {
            return new Awaited<>(null, ReplayText.firstLine(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Awaited<>(null, "interrupted");
        }
    }
}
