package dev.graft.branch.neon;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The read-write compute each Neon branch gets. Empty values leave the project's defaults.
 *
 * @param minCu the autoscaling floor in compute units (0.25 and up)
 * @param maxCu the autoscaling ceiling in compute units
 * @param suspendTimeout idle time before the compute suspends
 */
public record NeonEndpoint(Optional<Double> minCu, Optional<Double> maxCu, Optional<Duration> suspendTimeout) {

    /** The project's defaults. */
    public static final NeonEndpoint DEFAULT = new NeonEndpoint(Optional.empty(), Optional.empty(), Optional.empty());

    public NeonEndpoint {
        Objects.requireNonNull(minCu, "minCu == null");
        Objects.requireNonNull(maxCu, "maxCu == null");
        Objects.requireNonNull(suspendTimeout, "suspendTimeout == null");
        minCu.ifPresent(v -> positive(v, "minCu"));
        maxCu.ifPresent(v -> positive(v, "maxCu"));
        if (minCu.isPresent() && maxCu.isPresent() && minCu.get() > maxCu.get()) {
            throw new IllegalArgumentException("minCu " + minCu.get() + " > maxCu " + maxCu.get());
        }
        suspendTimeout.ifPresent(t -> {
            if (t.isNegative()) {
                throw new IllegalArgumentException("suspendTimeout is negative: " + t);
            }
        });
    }

    /** Autoscaling between {@code min} and {@code max} compute units. */
    public static NeonEndpoint autoscaling(double min, double max) {
        return new NeonEndpoint(Optional.of(min), Optional.of(max), Optional.empty());
    }

    public NeonEndpoint suspendAfter(Duration idle) {
        return new NeonEndpoint(minCu, maxCu, Optional.of(idle));
    }

    private static void positive(double value, String name) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
