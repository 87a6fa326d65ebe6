package dev.graft.branch.cloud;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where in its parent's history a cloud branch starts: the parent's head (now), a WAL position,
 * or a moment inside the service's history window.
 *
 * <pre>{@code
 * NeonConfig config = NeonConfig.builder().projectId("plain-fog-123")
 *         .parentPoint(ParentPoint.timestamp(Instant.parse("2025-07-01T12:00:00Z"))).build();
 * }</pre>
 *
 * @param lsn a WAL position such as {@code 0/1DE2850}, or empty
 * @param timestamp a moment, or empty; at most one of the two is present
 */
public record ParentPoint(Optional<String> lsn, Optional<Instant> timestamp) {

    private static final ParentPoint HEAD = new ParentPoint(Optional.empty(), Optional.empty());

    public ParentPoint {
        Objects.requireNonNull(lsn, "lsn == null");
        Objects.requireNonNull(timestamp, "timestamp == null");
        if (lsn.isPresent() && timestamp.isPresent()) {
            throw new IllegalArgumentException("give an lsn or a timestamp, not both");
        }
        lsn.ifPresent(l -> {
            if (!l.matches("[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}")) {
                throw new IllegalArgumentException("lsn must look like 0/1DE2850: \"" + l + "\"");
            }
        });
    }

    /** The parent as it is now. */
    public static ParentPoint head() {
        return HEAD;
    }

    /** The parent at a WAL position, such as {@code 0/1DE2850}. */
    public static ParentPoint lsn(String lsn) {
        return new ParentPoint(Optional.of(Objects.requireNonNull(lsn, "lsn == null")), Optional.empty());
    }

    /** The parent as it was at that moment (second precision on the wire). */
    public static ParentPoint timestamp(Instant at) {
        return new ParentPoint(Optional.empty(), Optional.of(Objects.requireNonNull(at, "at == null")));
    }

    public boolean isHead() {
        return lsn.isEmpty() && timestamp.isEmpty();
    }
}
