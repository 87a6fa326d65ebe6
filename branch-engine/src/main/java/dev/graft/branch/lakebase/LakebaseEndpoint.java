package dev.graft.branch.lakebase;

import java.util.Objects;
import java.util.Optional;

/**
 * The read-write compute each Lakebase branch gets.
 *
 * @param id the endpoint id inside the branch ({@code [a-z0-9-]}, default {@code rw})
 * @param minCu the autoscaling floor in compute units; empty for the service's default
 * @param maxCu the autoscaling ceiling in compute units; empty for the service's default
 */
public record LakebaseEndpoint(String id, Optional<Double> minCu, Optional<Double> maxCu) {

    /** Endpoint {@code rw} with the service's default sizes. */
    public static final LakebaseEndpoint DEFAULT = new LakebaseEndpoint("rw", Optional.empty(), Optional.empty());

    public LakebaseEndpoint {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(minCu, "minCu == null");
        Objects.requireNonNull(maxCu, "maxCu == null");
        if (!LakebaseIds.isValid(id)) {
            throw new IllegalArgumentException("endpoint id must be 1-63 of [a-z0-9-], starting with a letter: \"" + id + "\"");
        }
        if (minCu.isPresent() && maxCu.isPresent() && minCu.get() > maxCu.get()) {
            throw new IllegalArgumentException("minCu " + minCu.get() + " > maxCu " + maxCu.get());
        }
    }

    /** Endpoint {@code rw} autoscaling between {@code min} and {@code max} compute units. */
    public static LakebaseEndpoint autoscaling(double min, double max) {
        return new LakebaseEndpoint("rw", Optional.of(min), Optional.of(max));
    }

    public LakebaseEndpoint withId(String newId) {
        return new LakebaseEndpoint(newId, minCu, maxCu);
    }
}
