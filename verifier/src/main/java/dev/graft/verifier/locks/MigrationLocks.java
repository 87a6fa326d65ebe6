package dev.graft.verifier.locks;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@code locks} check measured for one migration: per statement, the table locks it took
 * and how long the workload waited behind it, and the workload's latency before and during it.
 *
 * @param tables        the tables the workload read and wrote, {@code schema.name}
 * @param workload      the workload's connections, rate and the budget
 * @param migrationTook how long the migration ran under the workload
 * @param before        the workload's latency in the window before the migration
 * @param during        its latency over the statements that ran while the migration did
 * @param statements    one entry per migration statement, in order
 * @param errors        workload statements the database refused once the migration had started
 * @param errorsBefore  refused before it started (the workload's own, not the migration's)
 * @param errorExamples the first distinct refusals, {@code update public.t: ERROR: ...}
 */
public record MigrationLocks(List<String> tables, LockWorkload workload, Duration migrationTook, Latency before,
        Latency during, List<StatementLocks> statements, int errors, int errorsBefore, List<String> errorExamples) {

    public MigrationLocks {
        tables = List.copyOf(tables);
        Objects.requireNonNull(workload, "workload == null");
        statements = List.copyOf(statements);
        errorExamples = List.copyOf(errorExamples);
    }

    /** The statement the workload waited behind longest, if it waited behind any. */
    public Optional<StatementLocks> worst() {
        return statements.stream().filter(s -> s.blocked() > 0).max(Comparator.comparing(StatementLocks::longestWait));
    }

    /**
     * Workload latency over a window.
     *
     * @param statements how many workload statements it covers
     * @param p50        their median latency
     * @param p99        their 99th percentile
     */
    public record Latency(int statements, Duration p50, Duration p99) {

        static Latency of(List<Long> nanos) {
            if (nanos.isEmpty()) {
                return new Latency(0, Duration.ZERO, Duration.ZERO);
            }
            List<Long> sorted = nanos.stream().sorted().toList();
            return new Latency(sorted.size(), Duration.ofNanos(at(sorted, 0.50)), Duration.ofNanos(at(sorted, 0.99)));
        }

        private static long at(List<Long> sorted, double quantile) {
            int index = (int) Math.ceil(quantile * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }

    /**
     * One statement of the migration.
     *
     * @param statement   where it is and its first line: {@code V5__retype.sql:3 ALTER TABLE t ...}
     * @param locks       the table locks it took, each held until its transaction ended
     * @param blocked     workload statements that waited behind it
     * @param longestWait the longest of those waits, timed by the workload
     * @param totalWait   all of them together
     * @param lock        the lock the longest wait was for: {@code AccessExclusiveLock on public.t}
     */
    public record StatementLocks(String statement, List<HeldLock> locks, int blocked, Duration longestWait,
            Duration totalWait, Optional<String> lock) {

        public StatementLocks {
            Objects.requireNonNull(statement, "statement == null");
            locks = List.copyOf(locks);
        }
    }

    /**
     * A table lock a statement took.
     *
     * @param table {@code schema.name}
     * @param mode  {@code AccessExclusiveLock}, ...
     * @param held  from the sample it was first seen in to the last one, plus one sampling interval
     */
    public record HeldLock(String table, String mode, Duration held) { }
}
