package dev.graft.verifier.internal;

import dev.graft.branch.Branch;
import dev.graft.catalog.Catalog;
import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.MigrationResult;
import dev.graft.verifier.RoundTripFinding;
import dev.graft.verifier.lint.LintFinding;
import dev.graft.verifier.lint.Linter;
import dev.graft.verifier.shapes.RoundTripCheck;
import dev.graft.verifier.shapes.Transition;
import dev.graft.verifier.shapes.TransitionSyncCheck;
import dev.graft.verifier.snapshot.DatabaseState;
import dev.graft.verifier.snapshot.SchemaDiff;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Every check of one pending migration, on branches of {@code base} (the state just before it).
 * A check that throws is recorded as failed; the clean run's branch is handed back as the base
 * of the next migration.
 */
public final class MigrationVerification {

    /**
     * What verifying one migration produced.
     *
     * @param result the checks' results
     * @param clean  the branch the migration was applied to, if it applied
     * @param end    that branch's state
     */
    public record Outcome(MigrationResult result, Optional<Branch> clean, Optional<DatabaseState> end) { }

    private final RunContext context;
    private final PendingMigration migration;
    private final Optional<Catalog> catalog;
    private final Map<Check, CheckResult> results = new EnumMap<>(Check.class);

    public MigrationVerification(RunContext context, PendingMigration migration, Optional<Catalog> catalog) {
        this.context = context;
        this.migration = migration;
        this.catalog = catalog;
    }

    /** Runs the checks; {@code before} is the schema of {@code base}. */
    public Outcome run(Branch base, SchemaSnapshot before) {
        long start = System.nanoTime();
        String v = migration.version();
        List<LintFinding> lint = lint();
        // Read-only over the rows of the base, so it is reported even when the migration does not apply.
        List<RoundTripFinding> roundTrips = List.of();
        if (context.config().runs(Check.ROUND_TRIP)) {
            RoundTripCheck.Outcome outcome = guarded(Check.ROUND_TRIP, () -> new RoundTripCheck(context.config())
                    .run(base, migration.model()));
            if (outcome != null) {
                results.put(Check.ROUND_TRIP, outcome.result());
                roundTrips = outcome.findings();
            }
        }
        Progress.log("V{} ({}): {} statements; applying with Flyway", v, migration.fileName(),
                migration.statements().size());
        Branch clean = context.ledger().create(base.name(), v, "apply");
        try {
            context.flyway().migrate(clean.dataSource(), v);
        } catch (RuntimeException e) {
            context.ledger().delete(clean);
            results.put(Check.APPLY, CheckResult.failed(Check.APPLY, since(start), "Flyway cannot apply it: "
                    + ReplayChecks.firstLine(e), List.of(String.valueOf(e.getMessage()))));
            for (Check check : Check.values()) {
                if (check != Check.LINT) {
                    results.putIfAbsent(check, CheckResult.notRun(check, "the migration does not apply"));
                }
            }
            return new Outcome(result(lint, roundTrips, SchemaDiff.none(), start), Optional.empty(), Optional.empty());
        }
        results.put(Check.APPLY, CheckResult.passed(Check.APPLY, since(start), "applied by stock Flyway on a fresh branch"));
        DatabaseState end = context.state(clean);
        // The history table's own objects are Flyway's, not the migration's.
        SchemaDiff diff = before.diff(end.schema()).without(o -> context.config().excludedTables().stream()
                .anyMatch(t -> o.name().substring(o.name().indexOf('.') + 1).startsWith(t)));

        runOnBranches(base, clean, end);
        if (context.config().runs(Check.CONTRACT)) {
            guarded(Check.CONTRACT, () -> results.put(Check.CONTRACT,
                    ContractCheck.run(end.schema(), migration.model(), catalog)));
        }
        Progress.log("V{}: done in {} s, {}", v, since(start).toSeconds(),
                results.values().stream().anyMatch(CheckResult::failed) ? "FAILED" : "passed");
        return new Outcome(result(lint, roundTrips, diff, start), Optional.of(clean), Optional.of(end));
    }

    /** Checks 2, 3 and 4, each on its own branches, in parallel. */
    private void runOnBranches(Branch base, Branch clean, DatabaseState end) {
        ReplayChecks replay = new ReplayChecks(context, migration, end);
        Future<CheckResult> reapply = null;
        Future<CheckResult> sync = null;
        List<Future<Optional<String>>> prefixes = new ArrayList<>();
        long prefixStart = System.nanoTime();
        if (!migration.isSql()) {
            skip(Check.REAPPLY, "a Java migration: its SQL cannot be read");
            skip(Check.PREFIX_REPLAY, "a Java migration: its SQL cannot be read");
        } else {
            if (context.config().runs(Check.REAPPLY)) {
                reapply = context.pool().submit(replay.reapply(clean.name()));
            }
            int n = migration.statements().size();
            if (context.config().runs(Check.PREFIX_REPLAY) && n > 1) {
                Progress progress = new Progress("V" + migration.version() + " prefix replay", n - 1);
                for (int k = 1; k < n; k++) {
                    prefixes.add(context.pool().submit(replay.prefix(base.name(), k, progress)));
                }
            } else if (context.config().runs(Check.PREFIX_REPLAY)) {
                results.put(Check.PREFIX_REPLAY, CheckResult.passed(Check.PREFIX_REPLAY, Duration.ZERO,
                        "one statement: no boundary inside it (the rerun is the reapply check)"));
            }
        }
        if (context.config().runs(Check.TRANSITION_SYNC)) {
            sync = context.pool().submit(() -> {
                if (migration.model().map(Transition::of).map(List::isEmpty).orElse(true)) {
                    return new TransitionSyncCheck(context.config()).run(clean, migration.model());
                }
                Branch branch = context.ledger().create(clean.name(), migration.version(), "sync");
                try {
                    return new TransitionSyncCheck(context.config()).run(branch, migration.model());
                } finally {
                    context.ledger().delete(branch);
                }
            });
        }
        collect(Check.REAPPLY, reapply);
        if (!prefixes.isEmpty()) {
            List<Optional<String>> outcomes = new ArrayList<>();
            for (Future<Optional<String>> prefix : prefixes) {
                outcomes.add(await(prefix).orElseGet(e -> Optional.of("the replay crashed: " + e)));
            }
            results.put(Check.PREFIX_REPLAY, replay.prefixResult(outcomes, since(prefixStart)));
        }
        collect(Check.TRANSITION_SYNC, sync);
    }

    private void collect(Check check, Future<CheckResult> future) {
        if (future != null) {
            results.put(check, await(future).orElseGet(e -> CheckResult.failed(check, Duration.ZERO,
                    "the check crashed: " + e, List.of())));
        }
    }

    /** A value, or the reason there is none. */
    private record Awaited<T>(T value, String error) {
        T orElseGet(java.util.function.Function<String, T> fallback) {
            return error == null ? value : fallback.apply(error);
        }
    }

    private static <T> Awaited<T> await(Future<T> future) {
        try {
            return new Awaited<>(future.get(), null);
        } catch (ExecutionException e) {
            return new Awaited<>(null, ReplayChecks.firstLine(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Awaited<>(null, "interrupted");
        }
    }

    private <T> T guarded(Check check, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            results.put(check, CheckResult.failed(check, Duration.ZERO, "the check crashed: "
                    + ReplayChecks.firstLine(e), List.of(e.toString())));
            return null;
        }
    }

    private void skip(Check check, String why) {
        if (context.config().runs(check)) {
            results.put(check, CheckResult.skipped(check, why));
        }
    }

    private List<LintFinding> lint() {
        if (!context.config().runs(Check.LINT)) {
            return List.of();
        }
        if (!migration.isSql() || migration.generated()) {
            results.put(Check.LINT, CheckResult.skipped(Check.LINT, migration.isSql()
                    ? "generated by Graft: proven by construction and by the checks above" : "a Java migration"));
            return List.of();
        }
        List<LintFinding> findings = Linter.lint(migration.fileName(), migration.sql());
        results.put(Check.LINT, Linter.result(findings));
        return findings;
    }

    private MigrationResult result(List<LintFinding> lint, List<RoundTripFinding> roundTrips, SchemaDiff diff,
            long start) {
        List<CheckResult> ordered = new ArrayList<>();
        for (Check check : Check.values()) {
            if (results.containsKey(check)) {
                ordered.add(results.get(check));
            } else if (!context.config().runs(check)) {
                ordered.add(CheckResult.skipped(check, "turned off"));
            }
        }
        return new MigrationResult(migration.version(), migration.fileName(), migration.statements().size(), ordered,
                diff, roundTrips, lint, context.ledger().usesOf(migration.version()), since(start));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
