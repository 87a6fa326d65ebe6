package dev.graft.verifier.locks;

import dev.graft.verifier.locks.MigrationLocks.StatementLocks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code locks} check's figures in the Markdown and JSON reports (JUnit XML shows its details). */
public final class LocksSection {

    private LocksSection() {
    }

    /** A table of the migration's statements: locks taken, how long held, workload waits; then the latency. */
    public static void markdown(StringBuilder md, MigrationLocks locks) {
        md.append("**Locks under load** (").append(locks.workload().connections()).append(" connections, ")
                .append(locks.workload().rate()).append(" statements/s on ").append(String.join(", ", locks.tables()))
                .append("; budget ").append(LockFigures.ms(locks.workload().budget())).append("; the migration ran ")
                .append(LockFigures.ms(locks.migrationTook())).append(")\n\n");
        md.append("| statement | locks taken (held) | workload waits | longest wait | lock waited for |\n|---|---|--:|--:|---|\n");
        for (StatementLocks s : locks.statements()) {
            String held = String.join(", ", s.locks().stream().map(l -> l.mode() + " on " + l.table() + " ("
                    + LockFigures.ms(l.held()) + ")").toList());
            md.append("| ").append(cell(s.statement())).append(" | ").append(cell(held)).append(" | ")
                    .append(s.blocked()).append(" | ").append(s.blocked() == 0 ? "" : LockFigures.ms(s.longestWait()))
                    .append(" | ").append(cell(s.lock().orElse(""))).append(" |\n");
        }
        md.append("\nWorkload latency: p50 ").append(LockFigures.ms(locks.before().p50())).append(" before, ")
                .append(LockFigures.ms(locks.during().p50())).append(" during; p99 ")
                .append(LockFigures.ms(locks.before().p99())).append(" before, ").append(LockFigures.ms(locks.during().p99()))
                .append(" during (").append(locks.before().statements()).append(" and ")
                .append(locks.during().statements()).append(" statements); errors: ").append(locks.errors())
                .append(" once it started, ").append(locks.errorsBefore()).append(" before");
        locks.errorExamples().forEach(e -> md.append("; ").append(cell(e)));
        md.append("\n\n");
    }

    /** The same figures for the JSON report, durations in milliseconds. */
    public static Map<String, Object> json(MigrationLocks locks) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tables", locks.tables());
        out.put("connections", locks.workload().connections());
        out.put("rate", locks.workload().rate());
        out.put("budget_ms", locks.workload().budget().toMillis());
        out.put("migration_ms", locks.migrationTook().toMillis());
        out.put("before", latency(locks.before()));
        out.put("during", latency(locks.during()));
        out.put("errors", locks.errors());
        out.put("errors_before", locks.errorsBefore());
        out.put("error_examples", locks.errorExamples());
        out.put("statements", locks.statements().stream().map(s -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("statement", s.statement());
            o.put("locks", s.locks().stream().map(l -> {
                Map<String, Object> lock = new LinkedHashMap<>();
                lock.put("table", l.table());
                lock.put("mode", l.mode());
                lock.put("held_ms", l.held().toMillis());
                return lock;
            }).toList());
            o.put("blocked", s.blocked());
            o.put("longest_wait_ms", s.longestWait().toMillis());
            o.put("total_wait_ms", s.totalWait().toMillis());
            o.put("lock", s.lock().orElse(null));
            return o;
        }).toList());
        return out;
    }

    private static Map<String, Object> latency(MigrationLocks.Latency latency) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("statements", latency.statements());
        out.put("p50_ms", latency.p50().toNanos() / 1e6);
        out.put("p99_ms", latency.p99().toNanos() / 1e6);
        return out;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }

}
