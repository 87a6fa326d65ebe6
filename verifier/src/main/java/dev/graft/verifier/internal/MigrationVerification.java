package dev.graft.verifier.internal;

import dev.graft.branch.Branch;
import dev.graft.catalog.Catalog;
import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.MigrationResult;
import dev.graft.verifier.RoundTripFinding;
import dev.graft.verifier.effects.DataEffects;
import dev.graft.verifier.lint.LintFinding;
import dev.graft.verifier.lint.LintOptions;
import dev.graft.verifier.lint.Linter;
import dev.graft.verifier.locks.LocksCheck;
import dev.graft.verifier.locks.TouchedTables;
import dev.graft.verifier.shapes.RoundTripCheck;
import dev.graft.verifier.shapes.ScratchBranches;
import dev.graft.verifier.shapes.Transition;
import dev.graft.verifier.shapes.TransitionSyncCheck;
import dev.graft.verifier.snapshot.SchemaDiff;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import dev.graft.verifier.snapshot.TableWrites;
import dev.graft.verifier.snapshot.UserTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Every check of one pending migration, on branches of {@code base} (the state just before it).
 * A check that throws is recorded as failed; the clean run's branch is handed back as the base
 * of the next migration.
 */
public final class MigrationVerification {

    /**
     * What verifying one migration produced, once it has applied: the checks still running finish
     * on their own, while the next migration starts from the clean run.
     *
     * @param result the checks' results, when all are done
     * @param clean  the branch the migration was applied to, if it applied
     * @param end    that branch's schema
     */
    public record Outcome(CompletableFuture<MigrationResult> result, Optional<Branch> clean,
            Optional<SchemaSnapshot> end) { }

    /** Waits for a migration's checks off the pool, so waiting never takes a worker. */
    private static final java.util.concurrent.Executor COLLECTOR = runnable -> {
        Thread thread = new Thread(runnable, "graft-verify-collect");
        thread.setDaemon(true);
        thread.start();
    };

    private final RunContext context;
    private final PendingMigration migration;
    private final Optional<Catalog> catalog;
    private final Map<Check, CheckResult> results = new EnumMap<>(Check.class);
    private final long start = System.nanoTime();
    private final CompletableFuture<ReplayChecks.CleanRun> cleanRun = new CompletableFuture<>();
    private List<LintFinding> lint = List.of();
    private List<RoundTripFinding> roundTrips = List.of();
    private Map<String, UserTable> baseMarks = Map.of();
    private Optional<dev.graft.verifier.locks.MigrationLocks> locks = Optional.empty();
    private DataEffects.Before rowsBefore = DataEffects.Before.nothing();
    private DataEffects dataEffects = DataEffects.none();
    private ReplayChecks replay;
    private PrefixReplays prefixes;
    private AbortCheck.Before abortBefore;

    public MigrationVerification(RunContext context, PendingMigration migration, Optional<Catalog> catalog) {
        this.context = context;
        this.migration = migration;
        this.catalog = catalog;
    }

    /**
     * Applies the migration and starts its checks; {@code before} is the schema of {@code base}. Every
     * copy of the clean run the checks need is made before this returns: the clean run is then free
     * to be the base of the next migration.
     */
    public Outcome run(Branch base, SchemaSnapshot before) {
        lint = lint(before);
        // Read-only over the rows of the base, so it is reported even when the migration does not apply.
        if (context.config().runs(Check.ROUND_TRIP)) {
            RoundTripCheck.Outcome outcome = guarded(Check.ROUND_TRIP, () -> new RoundTripCheck(context.config())
                    .run(base, migration.model(), scratch()));
            if (outcome != null) {
                results.put(Check.ROUND_TRIP, outcome.result());
                roundTrips = outcome.findings();
            }
        }
        if (context.config().runs(Check.ABORT) && AbortCheck.applies(migration, catalog)) {
            abortBefore = guarded(Check.ABORT, () -> AbortCheck.before(base, context.config().excludedTables(),
                    AbortCheck.tables(migration.model().orElseThrow())));
        }
        rowsBefore = DataEffectsOfRun.before(context, base, migration.model());
        baseMarks = TableWrites.copied(context.marks(base));
        replay = new ReplayChecks(context, migration, baseMarks, cleanRun);
        prefixes = new PrefixReplays(context, migration, replay);
        // Interrupted runs start from the base: they fill the cores the clean run leaves while it applies.
        prefixes.submitStatements(base);
        try {
            return applyAndStart(base, before);
        } catch (RuntimeException e) {
            // Nothing may still be working on branches when the run closes its ledger.
            cleanRun.completeExceptionally(e);
            prefixes.abandon();
            throw e;
        }
    }

    private Outcome applyAndStart(Branch base, SchemaSnapshot before) {
        String v = migration.version();
        Progress.detail("V{} ({}): {} statements; applying with Flyway", v, migration.fileName(),
                migration.statements().size());
        Branch clean = context.ledger().create(base.name(), v, "apply");
        int commits;
        try {
            commits = context.flyway().migrateCountingCommits(clean.dataSource(), v);
        } catch (RuntimeException e) {
            cleanRun.completeExceptionally(e);
            prefixes.abandon();
            List<String> violation = DataEffectsOfRun.violation(context, clean, e, migration.sql());
            context.ledger().delete(clean);
            results.put(Check.APPLY, CheckResult.failed(Check.APPLY, since(start), "Flyway cannot apply it: "
                    + ReplayText.firstLine(e) + violation.stream().map(line -> ". " + line).findFirst().orElse(""),
                    DataEffectsOfRun.withViolation(violation, String.valueOf(e.getMessage()))));
            // Lint and the round trip read what was there before it; every other check needs it applied,
            // whatever the boundaries alone would have said.
            for (Check check : Check.values()) {
                if (check != Check.APPLY && check != Check.LINT && check != Check.ROUND_TRIP
                        && context.config().runs(check) && (check != Check.ABORT || abortBefore != null)) {
                    results.put(check, CheckResult.notRun(check, "the migration does not apply"));
                }
            }
            return new Outcome(CompletableFuture.completedFuture(result(SchemaDiff.none())), Optional.empty(),
                    Optional.empty());
        }
        results.put(Check.APPLY, CheckResult.passed(Check.APPLY, since(start), "applied by stock Flyway on a fresh branch"));
        ReferenceState end = ReferenceState.of(context, clean);
        Set<String> wrote = context.written(clean, baseMarks);
        vacuum(clean, end, wrote);
        dataEffects = DataEffectsOfRun.measure(context, clean, rowsBefore);
        // The history table's own objects are Flyway's, not the migration's.
        SchemaDiff diff = before.diff(end.schema()).without(o -> context.config().excludedTables().stream()
                .anyMatch(t -> o.name().substring(o.name().indexOf('.') + 1).startsWith(t)));
        // PostgreSQL copies only a database nobody is connected to: every copy of the clean run is made
        // before anything reads its rows.
        Branch reapplyBranch = context.config().runs(Check.REAPPLY)
                ? context.ledger().create(clean.name(), v, "reapply") : null;
        Branch syncBranch = context.config().runs(Check.TRANSITION_SYNC) && hasTransitions()
                ? context.ledger().create(clean.name(), v, "sync") : null;
        Branch abortBranch = abortBefore != null ? context.ledger().create(clean.name(), v, "abort") : null;
        cleanRun.complete(new ReplayChecks.CleanRun(end, wrote));
        // How many commits a Java migration has to interrupt is known now.
        prefixes.submitCommits(base, commits);
        Future<CheckResult> reapply = reapplyBranch == null ? null : context.submit(ReapplyCheck.reapply(context, migration, cleanRun, reapplyBranch));
        Future<CheckResult> sync = context.config().runs(Check.TRANSITION_SYNC) ? context.submit(() -> {
            if (syncBranch == null) {
                return new TransitionSyncCheck(context.config()).run(clean, migration.model());
            }
            try {
                return new TransitionSyncCheck(context.config()).run(syncBranch, migration.model());
            } finally {
                context.ledger().delete(syncBranch);
            }
        }) : null;
        Future<LocksCheck.Outcome> locksRun = context.config().runs(Check.LOCKS)
                ? context.submit(locksCheck(base, TouchedTables.of(baseMarks.keySet(), diff, wrote, migration.statements(),
                        context.config().excludedTables()))) : null;
        Future<CheckResult> abort = abortBranch == null ? null
                : context.submit(() -> AbortCheck.run(context, migration, catalog.orElseThrow(), abortBranch, abortBefore));
        CompletableFuture<MigrationResult> result = CompletableFuture.supplyAsync(() -> {
            collectRest(reapply, sync, commits, end);
            collectLocks(locksRun);
            collect(Check.ABORT, abort);
            Progress.log("V{}: done in {} s, {}", v, since(start).toSeconds(),
                    results.values().stream().anyMatch(CheckResult::failed) ? "FAILED" : "passed");
            return result(diff);
        }, COLLECTOR);
        return new Outcome(result, Optional.of(clean), Optional.of(end.schema()));
    }

    /** Waits for checks 2 to 4 and runs check 6. */
    private void collectRest(Future<CheckResult> reapply, Future<CheckResult> sync, int commits, ReferenceState end) {
        collect(Check.REAPPLY, reapply);
        prefixes.result(commits).ifPresent(r -> results.put(Check.PREFIX_REPLAY, r));
        collect(Check.TRANSITION_SYNC, sync);
        if (context.config().runs(Check.CONTRACT)) {
            guarded(Check.CONTRACT, () -> results.put(Check.CONTRACT,
                    ContractCheck.run(end.schema(), migration.model(), catalog)));
        }
    }

    /**
     * Vacuums and analyzes the tables the clean run wrote, as autovacuum does in production long
     * before the next migration runs: otherwise every later check and migration walks the dead
     * rows of a backfill. Rows and schema stay as they are.
     */
    private void vacuum(Branch clean, ReferenceState end, Set<String> wrote) {
        context.read(clean, c -> {
            try (java.sql.Statement s = c.createStatement()) {
                for (String table : wrote) {
                    UserTable t = end.marks().get(table);
                    if (t != null && !context.config().excludedTables().contains(t.name())) {
                        s.execute("VACUUM (ANALYZE) " + t.sql());
                    }
                }
            }
            return null;
        });
    }

    /** The locks check, on a branch of its own of {@code base}. */
    private java.util.concurrent.Callable<LocksCheck.Outcome> locksCheck(Branch base, Set<String> touched) {
        return () -> {
            if (touched.isEmpty()) {
                return LocksCheck.untouched();
            }
            Branch branch = context.ledger().create(base.name(), migration.version(), "locks");
            try {
                return new LocksCheck(context.config(), context.flyway()).run(branch, migration, touched);
            } finally {
                context.ledger().delete(branch);
            }
        };
    }

    private void collectLocks(Future<LocksCheck.Outcome> run) {
        if (run != null) {
            LocksCheck.Outcome outcome = PrefixReplays.await(run).orElseGet(e -> new LocksCheck.Outcome(
                    CheckResult.failed(Check.LOCKS, Duration.ZERO, "the check crashed: " + e, List.of()), Optional.empty()));
            results.put(Check.LOCKS, outcome.result());
            locks = outcome.locks();
        }
    }

    /** Branches the shape checks make of their own, kept by the run's ledger. */
    private ScratchBranches scratch() {
        return new ScratchBranches() {
            @Override
            public Branch copy(Branch parent, String purpose) {
                return context.ledger().create(parent.name(), migration.version(), purpose);
            }

            @Override
            public void delete(Branch branch) {
                context.ledger().delete(branch);
            }
        };
    }

    private boolean hasTransitions() {
        return migration.model().map(Transition::of).map(l -> !l.isEmpty()).orElse(false);
    }

    private void collect(Check check, Future<CheckResult> future) {
        if (future != null) {
            results.put(check, PrefixReplays.await(future).orElseGet(e -> CheckResult.failed(check, Duration.ZERO,
                    "the check crashed: " + e, List.of())));
        }
    }

    private <T> T guarded(Check check, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            results.put(check, CheckResult.failed(check, Duration.ZERO, "the check crashed: "
                    + ReplayText.firstLine(e), List.of(e.toString())));
            return null;
        }
    }

    private List<LintFinding> lint(SchemaSnapshot before) {
        if (!context.config().runs(Check.LINT)) {
            return List.of();
        }
        if (migration.generated() && catalog.isPresent() && migration.model().filter(SqlRefactoringLint::applies).isPresent()) {
            List<LintFinding> findings = SqlRefactoringLint.lint(catalog.get(), migration.model().get());
            CheckResult result = Linter.result(findings);
            results.put(Check.LINT, new CheckResult(Check.LINT, result.status(), result.took(),
                    "the statements of its sql refactorings: " + result.summary(), result.details()));
            return findings;
        }
        if (!migration.isSql() || migration.generated()) {
            results.put(Check.LINT, CheckResult.skipped(Check.LINT, migration.isSql()
                    ? "generated by Graft: proven by construction and by the checks above" : "a Java migration"));
            return List.of();
        }
        LintOptions options = migration.file().map(LintOptions.defaults()::withFlywayConf).orElse(LintOptions.defaults());
        List<LintFinding> findings = Linter.lint(migration.fileName(), migration.sql(), before, options);
        CheckResult result = Linter.result(findings);
        results.put(Check.LINT, migration.editedByHand() ? new CheckResult(Check.LINT, result.status(), result.took(),
                "generated by Graft, then edited by hand: " + result.summary(), result.details()) : result);
        return findings;
    }

    private MigrationResult result(SchemaDiff diff) {
        List<CheckResult> ordered = new ArrayList<>();
        for (Check check : Check.values()) {
            if (results.containsKey(check)) {
                ordered.add(results.get(check));
            } else if (!context.config().runs(check)) {
                ordered.add(CheckResult.skipped(check, "turned off"));
            }
        }
        return new MigrationResult(migration.version(), migration.fileName(), migration.statements().size(), ordered,
                diff, roundTrips, lint, context.ledger().usesOf(migration.version()), since(start), locks,
                dataEffects);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
