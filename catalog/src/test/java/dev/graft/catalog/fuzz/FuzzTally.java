package dev.graft.catalog.fuzz;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The fuzz run's figures: how each input ended, per mutation, and the slowest read. */
final class FuzzTally {

    /** How one input ended. */
    enum Kind { VALID, LOCATED, UNLOCATED, EXCEPTION, HANG }

    /**
     * One input's end.
     *
     * @param kind   how it ended
     * @param detail the exception or the unlocated problems
     * @param millis how long the read took
     */
    record Outcome(Kind kind, String detail, long millis) {
        static Outcome of(Kind kind, String detail, long startNanos) {
            return new Outcome(kind, detail, (System.nanoTime() - startNanos) / 1_000_000);
        }
    }

    private final Map<Mutation, Map<Kind, Integer>> counts = new TreeMap<>();
    private final Map<Mutation, Long> millis = new TreeMap<>();
    private long slowest;
    private long total;
    private final long started = System.nanoTime();

    synchronized void add(Mutation mutation, Outcome outcome) {
        counts.computeIfAbsent(mutation, m -> new EnumMap<>(Kind.class)).merge(outcome.kind(), 1, Integer::sum);
        millis.merge(mutation, outcome.millis(), Long::sum);
        slowest = Math.max(slowest, outcome.millis());
        total++;
    }

    synchronized String summary() {
        StringBuilder out = new StringBuilder();
        Map<Kind, Integer> all = new EnumMap<>(Kind.class);
        out.append("| mutation | tried | valid | located | unlocated | exceptions | hangs | mean ms |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        counts.forEach((mutation, byKind) -> {
            byKind.forEach((k, n) -> all.merge(k, n, Integer::sum));
            out.append(row(mutation.name().toLowerCase(Locale.ROOT), byKind, millis.get(mutation)));
        });
        out.append(row("**all**", all, millis.values().stream().mapToLong(Long::longValue).sum()));
        out.append(String.format(Locale.ROOT, "%n%d inputs in %.1f s; slowest read %d ms%n", total,
                (System.nanoTime() - started) / 1e9, slowest));
        return out.toString();
    }

    private static String row(String name, Map<Kind, Integer> byKind, long totalMillis) {
        int tried = byKind.values().stream().mapToInt(Integer::intValue).sum();
        return "| " + name + " | " + tried + " | " + n(byKind, Kind.VALID) + " | " + n(byKind, Kind.LOCATED) + " | "
                + n(byKind, Kind.UNLOCATED) + " | " + n(byKind, Kind.EXCEPTION) + " | " + n(byKind, Kind.HANG) + " | "
                + totalMillis / Math.max(1, tried) + " |\n";
    }

    private static int n(Map<Kind, Integer> byKind, Kind kind) {
        return byKind.getOrDefault(kind, 0);
    }
}
