package dev.graft.verifier.locks;

import dev.graft.branch.Branch;
import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.VerifierConfig;
import dev.graft.verifier.internal.FlywayRunner;
import dev.graft.verifier.internal.PendingMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@code locks} check of one migration, on a branch of the state just before it: the old
 * application's workload runs against the tables the migration touches, first alone for a
 * baseline, then while stock Flyway applies the migration, with {@link LockSampler} watching
 * locks and waits. It fails when a workload statement waited behind one statement longer than
 * the budget; it is not exercised when no touched table has a row to read and write.
 */
public final class LocksCheck {

    /** How long the workload runs alone before the migration starts. */
    static final Duration BASELINE = Duration.ofSeconds(1);
    /** How long it runs on after the migration ends, so waits that end with it are timed. */
    static final Duration TAIL = Duration.ofMillis(200);

    /**
     * The check's result and, when it ran, what it measured.
     *
     * @param result the check's result
     * @param locks  the measurements, for the reports
     */
    public record Outcome(CheckResult result, Optional<MigrationLocks> locks) { }

    private final VerifierConfig config;
    private final FlywayRunner flyway;

    public LocksCheck(VerifierConfig config, FlywayRunner flyway) {
        this.config = config;
        this.flyway = flyway;
    }

    /** Runs the check on {@code branch} (the state before {@code migration}), which it leaves applied. */
    public Outcome run(Branch branch, PendingMigration migration, Set<String> touched) {
        long start = System.nanoTime();
        if (touched.isEmpty()) {
            return untouched();
        }
        List<WorkloadTable> tables = new ArrayList<>();
        try (Connection c = branch.connect()) {
            for (String table : touched) {
                int dot = table.indexOf('.');
                WorkloadTable.read(c, table.substring(0, dot), table.substring(dot + 1)).ifPresent(tables::add);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tables of \"" + branch.name() + "\": " + e.getMessage(), e);
        }
        if (tables.isEmpty()) {
            return new Outcome(CheckResult.notExercised(Check.LOCKS, since(start), "the tables it touches ("
                    + String.join(", ", touched) + ") have no row for a workload to read and write", List.of()),
                    Optional.empty());
        }
        return measure(branch, migration, tables, start);
    }

    /** Not exercised, with no branch made: the migration touches no table that exists before it. */
    public static Outcome untouched() {
        return new Outcome(CheckResult.notExercised(Check.LOCKS, Duration.ZERO,
                "it touches no table that exists before it: no workload to block", List.of()), Optional.empty());
    }

    private Outcome measure(Branch branch, PendingMigration migration, List<WorkloadTable> tables, long start) {
        LockWorkload settings = config.workload();
        List<WorkloadStatement> ran;
        List<LockSample> samples;
        Set<Integer> workloadPids;
        long migrationStart;
        long migrationEnd;
        Optional<String> failure = Optional.empty();
        try (LockSampler sampler = LockSampler.start(branch.dataSource());
                Workload workload = Workload.start(branch.dataSource(), tables, settings, config.seed())) {
            workloadPids = new HashSet<>(workload.pids());
            LockSupport.parkNanos(BASELINE.toNanos());
            migrationStart = System.nanoTime();
            try {
                flyway.migrate(branch.dataSource(), migration.version());
            } catch (RuntimeException e) {
                failure = Optional.of(String.valueOf(e.getMessage()).strip().lines().findFirst().orElse(""));
            }
            migrationEnd = System.nanoTime();
            LockSupport.parkNanos(TAIL.toNanos());
            ran = workload.stop();
            samples = sampler.stop();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start the workload on \"" + branch.name() + "\": " + e.getMessage(), e);
        }
        StatementLabels labels = new StatementLabels(migration.fileName(), migration.statements());
        LockAttribution attribution = new LockAttribution(labels, workloadPids, config.excludedTables()).read(samples);
        MigrationLocks locks = LockFigures.of(tables, settings, ran, attribution.statements(ran), migrationStart,
                migrationEnd, start + (migrationStart - start) / 10);
        if (failure.isPresent()) {
            return new Outcome(CheckResult.failed(Check.LOCKS, since(start), "it does not apply under the workload: "
                    + failure.get(), LockFigures.lines(locks)), Optional.of(locks));
        }
        return new Outcome(LockFigures.verdict(locks, since(start)), Optional.of(locks));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
