package dev.graft.verifier.internal;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngine;
import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.MigrationResult;
import dev.graft.verifier.VerificationReport;
import dev.graft.verifier.VerifierConfig;
import dev.graft.verifier.VerifyRequest;
import dev.graft.verifier.deploy.ProofStarts;
import dev.graft.verifier.deploy.ProvenStart;
import dev.graft.verifier.shapes.Transition;
import dev.graft.verifier.snapshot.SchemaDiff;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One verification: the pending migrations of the parent, each verified on branches of the state
 * the previous one left. Whatever happens, every branch is deleted and the results so far are
 * returned.
 */
public final class VerificationRun {

    private final BranchEngine engine;
    private final String parent;
    private final VerifierConfig config;
    private final VerifyRequest request;

    public VerificationRun(BranchEngine engine, String parent, VerifierConfig config, VerifyRequest request) {
        this.engine = engine;
        this.parent = parent;
        this.config = config;
        this.request = request;
    }

    public VerificationReport run() {
        Instant started = Instant.now();
        long start = System.nanoTime();
        List<MigrationResult> results = new ArrayList<>();
        List<CompletableFuture<MigrationResult>> running = new ArrayList<>();
        List<MigrationResult> skipped = new ArrayList<>();
        List<CompletableFuture<?>> deletions = new ArrayList<>();
        RunContext reserved = null;
        Optional<String> error = Optional.empty();
        ProvenStart proof = ProvenStart.none();
        ExecutorService pool = Executors.newFixedThreadPool(config.parallelism(), runnable -> {
            Thread thread = new Thread(runnable, "graft-verify");
            thread.setDaemon(true);
            return thread;
        });
        BranchLedger ledger = new BranchLedger(engine, config.branchPrefix());
        try {
            RunContext context = new RunContext(config, new FlywayRunner(request.allFlywayLocations(), request.classLoader()), ledger, pool);
            Branch base = engine.get(parent).orElseThrow(() -> new IllegalArgumentException(
                    "parent \"" + parent + "\" does not exist on the " + engine.kind() + " engine"));
            List<PendingMigration> pending = context.flyway().pending(base.dataSource(), request.catalog());
            Progress.log("verifying {} pending migration(s) on branches of \"{}\" ({} engine, {} in parallel)",
                    pending.size(), parent, engine.kind(), config.parallelism());
            SchemaSnapshot before = context.schema(base);
            proof = ProofStarts.of(context.flyway(), base.dataSource(), before, pending, request.classLoader());
            // A migration's checks finish while the next one applies on its clean run; a clean run is
            // deleted once the checks of its own migration and of the next are done.
            CompletableFuture<?> previousDone = CompletableFuture.completedFuture(null);
            Optional<Branch> owned = Optional.empty();
            context.reserveForCleanRuns();
            reserved = context;
            for (int i = 0; i < pending.size(); i++) {
                PendingMigration migration = pending.get(i);
                Progress.detail("migration {}/{}: V{}", i + 1, pending.size(), migration.version());
                MigrationVerification.Outcome outcome = new MigrationVerification(context, migration, request.catalog())
                        .run(base, before);
                running.add(outcome.result());
                if (outcome.clean().isEmpty()) {
                    pending.subList(i + 1, pending.size()).forEach(m -> skipped.add(notRun(m, migration)));
                    break;
                }
                Optional<Branch> previous = owned;
                CompletableFuture<MigrationResult> done = outcome.result();
                deletions.add(CompletableFuture.allOf(previousDone, done)
                        .whenComplete((ignored, failure) -> previous.ifPresent(ledger::delete)));
                previousDone = done;
                base = outcome.clean().get();
                owned = outcome.clean();
                before = outcome.end().orElseThrow();
            }
        } catch (RuntimeException e) {
            error = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
            Progress.log("verification stopped: {}", error.get());
        } finally {
            if (reserved != null) {
                reserved.releaseCleanRunReservation();
            }
            for (CompletableFuture<MigrationResult> result : running) {
                try {
                    results.add(result.join());
                } catch (RuntimeException e) {
                    error = error.or(() -> Optional.of("a migration's checks crashed: " + e.getMessage()));
                }
            }
            results.addAll(skipped);
            deletions.forEach(d -> d.exceptionally(e -> null).join());
            pool.shutdownNow();
            ledger.close();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Progress.log("verified {} migration(s) in {} s on {} branches", results.size(), took.toSeconds(), ledger.made());
        return new VerificationReport(parent, engine.kind(), started, took, results, ledger.made(), error, List.of(),
                openTransitions(), proof);
    }

    /** The catalog's transitions that no migration completes: what the proof leaves open. */
    private List<String> openTransitions() {
        return request.catalog().map(catalog -> catalog.openTransitions().stream().map(open -> {
            String version = open.version().toString();
            String what = Transition.of(open.refactoring(), version.replace('.', '_')).map(Transition::title)
                    .orElse(open.refactoring().yamlKey());
            return "V" + version + " " + what + ": expanded, not completed; a migration with `complete: \""
                    + version + "\"` ends it";
        }).toList()).orElse(List.of());
    }

    private static MigrationResult notRun(PendingMigration migration, PendingMigration failed) {
        List<CheckResult> checks = new ArrayList<>();
        for (Check check : Check.values()) {
            checks.add(CheckResult.notRun(check, "V" + failed.version() + " before it does not apply"));
        }
        return new MigrationResult(migration.version(), migration.fileName(), migration.statements().size(), checks,
                SchemaDiff.none(), List.of(), List.of(), List.of(), Duration.ZERO);
    }
}
