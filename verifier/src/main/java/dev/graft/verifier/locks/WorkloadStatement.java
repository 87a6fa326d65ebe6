package dev.graft.verifier.locks;

import java.util.Optional;

/**
 * One statement the workload ran, timed on the workload's side.
 *
 * @param pid   the backend of its connection
 * @param table the table it read or wrote, {@code schema.name}
 * @param kind  {@code read}, {@code update} or {@code insert}
 * @param start when it was sent ({@link System#nanoTime()})
 * @param end   when its answer came back
 * @param error the database's refusal, if it refused it
 */
record WorkloadStatement(int pid, String table, String kind, long start, long end, Optional<String> error) {

    long nanos() {
        return end - start;
    }

    /** Whether it was running at some moment of {@code [from, to]}. */
    boolean overlaps(long from, long to) {
        return start <= to && end >= from;
    }
}
