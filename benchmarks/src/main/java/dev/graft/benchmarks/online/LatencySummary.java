package dev.graft.benchmarks.online;

import java.util.List;

/**
 * What a workload saw while it ran: statements finished and failed, and their client-side latency.
 *
 * @param statements statements that completed
 * @param errors     statements that failed, with their first few messages in {@code firstErrors}
 * @param seconds    how long the workload ran
 * @param p50Millis  median statement latency
 * @param p99Millis  99th percentile statement latency
 * @param maxMillis  the longest any statement took: the longest a writer waited
 * @param p99FromScheduleMillis 99th percentile from when each statement was due to its end
 * @param firstErrors up to five error messages
 */
record LatencySummary(long statements, long errors, double seconds, double p50Millis, double p99Millis,
        double maxMillis, double p99FromScheduleMillis, List<String> firstErrors) {

    LatencySummary {
        firstErrors = List.copyOf(firstErrors);
    }

    /** Completed statements per second. */
    double perSecond() {
        return seconds <= 0 ? 0 : statements / seconds;
    }
}
