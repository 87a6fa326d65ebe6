package dev.graft.verifier.locks;

import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.locks.MigrationLocks.Latency;
import dev.graft.verifier.locks.MigrationLocks.StatementLocks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The figures of the {@code locks} check, its verdict and the lines that explain it. */
final class LockFigures {

    private static final int EXAMPLES = 3;

    private LockFigures() {
    }

    /** The measurements; the baseline covers the statements from {@code baselineFrom} to the migration. */
    static MigrationLocks of(List<WorkloadTable> tables, LockWorkload settings, List<WorkloadStatement> ran,
            List<StatementLocks> statements, long migrationStart, long migrationEnd, long baselineFrom) {
        Latency before = Latency.of(ran.stream().filter(s -> s.start() >= baselineFrom && s.end() < migrationStart)
                .map(WorkloadStatement::nanos).toList());
        Latency during = Latency.of(ran.stream().filter(s -> s.overlaps(migrationStart, migrationEnd))
                .map(WorkloadStatement::nanos).toList());
        int errors = 0;
        int errorsBefore = 0;
        Set<String> examples = new LinkedHashSet<>();
        for (WorkloadStatement s : ran) {
            if (s.error().isEmpty()) {
                continue;
            }
            if (s.end() < migrationStart) {
                errorsBefore++;
            } else {
                errors++;
            }
            if (examples.size() < EXAMPLES) {
                examples.add(s.kind() + " " + s.table() + ": " + s.error().get());
            }
        }
        List<StatementLocks> shown = statements.stream().filter(s -> !s.locks().isEmpty() || s.blocked() > 0
                || !s.statement().endsWith(StatementLabels.UNSEEN)).toList();
        return new MigrationLocks(tables.stream().map(WorkloadTable::qualifiedName).toList(), settings,
                Duration.ofNanos(migrationEnd - migrationStart), before, during, shown, errors, errorsBefore,
                List.copyOf(examples));
    }

    /** Failed when a statement kept a workload statement waiting longer than the budget; passed with the numbers otherwise. */
    static CheckResult verdict(MigrationLocks locks, Duration took) {
        Duration budget = locks.workload().budget();
        Optional<StatementLocks> worst = locks.worst();
        if (worst.isPresent() && worst.get().longestWait().compareTo(budget) > 0) {
            StatementLocks w = worst.get();
            return CheckResult.failed(Check.LOCKS, took, w.statement() + " blocked the workload " + ms(w.longestWait())
                    + " (budget " + ms(budget) + ", " + w.lock().orElse("a lock") + "); " + latency(locks), lines(locks));
        }
        String longest = worst.map(w -> "longest wait " + ms(w.longestWait()) + " behind " + w.statement())
                .orElse("no workload statement waited behind it");
        return CheckResult.passed(Check.LOCKS, took, longest + " (budget " + ms(budget) + "); " + latency(locks),
                lines(locks));
    }

    /** {@code p50 1.2 -> 1.4 ms, p99 3.0 -> 9.1 ms over 412 statements}. */
    static String latency(MigrationLocks locks) {
        return "workload p50 " + ms(locks.before().p50()) + " -> " + ms(locks.during().p50()) + ", p99 "
                + ms(locks.before().p99()) + " -> " + ms(locks.during().p99()) + " (before -> during, "
                + locks.during().statements() + " statements during)";
    }

    /** The details: the workload, then each statement that locked or blocked, then the workload's errors. */
    static List<String> lines(MigrationLocks locks) {
        List<String> lines = new ArrayList<>();
        lines.add("workload: " + locks.workload().connections() + " connections, " + locks.workload().rate()
                + " statements/s on " + String.join(", ", locks.tables()) + "; the migration ran "
                + ms(locks.migrationTook()) + "; " + latency(locks));
        for (StatementLocks s : locks.statements()) {
            if (s.locks().isEmpty() && s.blocked() == 0) {
                continue;
            }
            String held = s.locks().isEmpty() ? "no table lock seen" : String.join(", ", s.locks().stream()
                    .map(l -> l.mode() + " on " + l.table() + " held " + ms(l.held())).toList());
            lines.add(s.statement() + ": " + held + (s.blocked() == 0 ? "" : "; " + s.blocked()
                    + " workload statements waited, longest " + ms(s.longestWait()) + " (" + s.lock().orElse("?")
                    + "), " + ms(s.totalWait()) + " in all"));
        }
        if (locks.errors() + locks.errorsBefore() > 0) {
            lines.add("workload errors: " + locks.errors() + " once the migration started, " + locks.errorsBefore()
                    + " before it; " + String.join("; ", locks.errorExamples()));
        }
        return lines;
    }

    /** {@code 3.4 ms}, {@code 1234 ms}. */
    static String ms(Duration d) {
        double ms = d.toNanos() / 1e6;
        return ms < 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : Math.round(ms) + " ms";
    }
}
