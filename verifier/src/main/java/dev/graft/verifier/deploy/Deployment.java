package dev.graft.verifier.deploy;

import dev.graft.catalog.Catalog;
import dev.graft.catalog.Migration;
import dev.graft.catalog.refactoring.Complete;
import dev.graft.verifier.internal.FlywayRunner;
import dev.graft.verifier.internal.GeneratedHeader;
import dev.graft.verifier.internal.PendingMigration;
import dev.graft.verifier.snapshot.SchemaDiff;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the pending migrations to a target database, only as proven: every file must be in a
 * passing report with the same content hash, and the target's schema must be the one the proof
 * expects at the target's applied version. A {@code complete} migration runs only if allowed;
 * otherwise the deployment stops before it. Idempotent: a second run applies nothing.
 *
 * <pre>{@code
 * DeployResult result = new Deployment(dataSource, List.of("filesystem:src/main/resources/db/migration"),
 *         loader, Optional.of(catalog), Optional.of(Proofs.load(Path.of("target/graft"))), false,
 *         Duration.ofSeconds(60)).run();
 * }</pre>
 *
 * @param target        the target database
 * @param locations     the Flyway locations
 * @param loader        where Java migrations and {@code classpath:} locations are found
 * @param catalog       the catalog, to know {@code complete} migrations and transitions
 * @param proofs        the reports; empty is the explicit escape ({@code graft.proof=none})
 * @param allowComplete whether {@code complete} migrations may run
 * @param lockBudget    how long in total it may wait to retry after {@code lock_timeout}
 */
public record Deployment(DataSource target, List<String> locations, ClassLoader loader, Optional<Catalog> catalog,
        Optional<Proofs> proofs, boolean allowComplete, Duration lockBudget) {

    private static final Logger LOG = LoggerFactory.getLogger("dev.graft.deploy");

    public Deployment {
        Objects.requireNonNull(target, "target == null");
        locations = List.copyOf(locations);
        Objects.requireNonNull(loader, "loader == null");
        Objects.requireNonNull(catalog, "catalog == null");
        Objects.requireNonNull(proofs, "proofs == null");
        Objects.requireNonNull(lockBudget, "lockBudget == null");
    }

    /**
     * Checks, then applies.
     *
     * @throws DeploymentException if a migration is not proven, the target drifted, or a hand-written
     *                             file failed midway; nothing was applied then
     */
    public DeployResult run() {
        FlywayRunner runner = new FlywayRunner(locations, loader);
        List<String> repaired = repairFailed(runner);
        List<PendingMigration> pending = runner.pending(target, catalog);
        if (pending.isEmpty()) {
            LOG.info("graft: the target is up to date: nothing to apply");
            return new DeployResult(List.of(), repaired, Optional.empty(), applied(runner), openTransitions(runner));
        }
        List<PendingMigration> toApply = new ArrayList<>();
        Optional<String> waiting = Optional.empty();
        for (PendingMigration migration : pending) {
            if (!allowComplete && migration.model().map(Deployment::completes).orElse(false)) {
                waiting = Optional.of("V" + migration.version() + " (" + migration.fileName() + ") completes a"
                        + " transition: it runs once no old application version runs; run again with"
                        + " -Dgraft.complete=true (or <complete>auto</complete> for this environment)");
                break;
            }
            toApply.add(migration);
        }
        checkProofs(toApply);
        checkDrift(runner);
        List<String> versions = toApply.stream().map(PendingMigration::version).toList();
        if (!toApply.isEmpty()) {
            String last = versions.get(versions.size() - 1);
            new LockRetry(lockBudget).run(() -> {
                repaired.addAll(repairFailed(runner));
                return runner.configuration(target).callbacks(new ProgressCallback()).target(last).load().migrate();
            });
        }
        return new DeployResult(versions, repaired, waiting, applied(runner), openTransitions(runner));
    }

    private static boolean completes(Migration migration) {
        return migration.refactorings().stream().anyMatch(r -> r instanceof Complete);
    }

    private void checkProofs(List<PendingMigration> toApply) {
        if (proofs.isEmpty()) {
            LOG.warn("graft: graft.proof=none: applying {} migration(s) WITHOUT checking they were proven,"
                    + " and without comparing the target's schema with a proof", toApply.size());
            return;
        }
        List<String> refused = new ArrayList<>();
        for (PendingMigration migration : toApply) {
            String hash = ContentHash.of(migration.file(), migration.script(), loader);
            proofs.get().refusal(migration.version(), hash)
                    .ifPresent(why -> refused.add(migration.fileName() + ": " + why));
        }
        if (!refused.isEmpty()) {
            throw new DeploymentException("graft: " + refused.size() + " migration(s) have no passing proof; nothing"
                    + " was applied", refused);
        }
    }

    private void checkDrift(FlywayRunner runner) {
        if (proofs.isEmpty()) {
            return;
        }
        Optional<String> current = Optional.ofNullable(runner.configuration(target).load().info().current())
                .filter(i -> i.getVersion() != null).map(i -> i.getVersion().getVersion());
        SchemaSnapshot expected = proofs.get().expectedAt(current).orElseThrow(() -> new DeploymentException(
                "graft: no passing report knows the schema at the target's version " + current.orElse("(none)")
                        + ": give the reports of the migrations it lacks, or verify from a copy of it", List.of()));
        SchemaDiff drift = expected.diff(schema());
        if (!drift.isEmpty()) {
            throw new DeploymentException("graft: the target's schema differs from the one the proof expects at version "
                    + current.orElse("(none)") + " (+ only on the target, - only in the proof); nothing was applied",
                    drift.lines());
        }
    }

    private SchemaSnapshot schema() {
        try (Connection connection = target.getConnection()) {
            return ProvenStart.withoutHistory(SchemaSnapshot.read(connection));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the target's schema: " + e.getMessage(), e);
        }
    }

    /**
     * A non-transactional file that failed midway may leave a failed history row, which stops Flyway.
     * A generated file is idempotent: its row goes and it runs again. A hand-written one stops here.
     */
    private List<String> repairFailed(FlywayRunner runner) {
        List<String> repaired = new ArrayList<>();
        for (MigrationInfo info : runner.configuration(target).load().info().all()) {
            if (info.getState() != MigrationState.FAILED || info.getVersion() == null) {
                continue;
            }
            String version = info.getVersion().getVersion();
            Optional<Path> file = Optional.ofNullable(info.getPhysicalLocation()).filter(p -> !p.isBlank()).map(Path::of)
                    .filter(Files::isRegularFile);
            boolean generated = file.map(Deployment::read).map(GeneratedHeader::origin)
                    .map(o -> o == PendingMigration.Origin.GENERATED).orElse(false);
            if (!generated) {
                throw new DeploymentException("graft: V" + version + " (" + info.getScript() + ") failed midway on the"
                        + " target and is hand-written, so running it again may not be safe", List.of(
                        "look at what it left on the target and finish or undo it by hand,",
                        "then remove its failed row (flyway repair) and run graft:migrate again"));
            }
            runner.forget(target, version);
            LOG.warn("graft: V{} ({}) failed midway in an earlier run; it is generated and idempotent, so its failed"
                    + " history row was removed and it runs again", version, info.getScript());
            repaired.add(version);
        }
        return repaired;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> applied(FlywayRunner runner) {
        return Arrays.stream(runner.configuration(target).load().info().applied())
                .filter(i -> i.getVersion() != null && i.getState().isApplied() && !i.getState().isFailed())
                .map(i -> i.getVersion().getVersion()).toList();
    }

    /** The catalog's migrations that opened a transition on the target whose complete the target lacks. */
    private List<String> openTransitions(FlywayRunner runner) {
        List<String> applied = applied(runner);
        return catalog.map(c -> {
            List<String> completed = c.migrations().stream().filter(m -> applied.contains(m.version().toString()))
                    .flatMap(m -> m.refactorings().stream()).filter(r -> r instanceof Complete)
                    .map(r -> ((Complete) r).version().toString()).toList();
            return c.migrations().stream().filter(Migration::opensTransition)
                    .filter(m -> applied.contains(m.version().toString()) && !completed.contains(m.version().toString()))
                    .map(m -> "V" + m.version() + " " + m.slug()).toList();
        }).orElse(List.of());
    }
}
