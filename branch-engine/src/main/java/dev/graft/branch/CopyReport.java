package dev.graft.branch;

import java.time.Duration;
import java.util.Objects;

/**
 * How a branch was copied and how long it took.
 *
 * @param method what really happened
 * @param took the wall-clock time of the copy
 * @param detail a human-readable reason, e.g. {@code "reflink clone on xfs"} or
 *     {@code "file system at /data does not support reflink"}
 */
public record CopyReport(CopyMethod method, Duration took, String detail) {
    public CopyReport {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(took, "took == null");
        Objects.requireNonNull(detail, "detail == null");
    }

    @Override
    public String toString() {
        return method + " in " + took.toMillis() + " ms (" + detail + ")";
    }
}
