package dev.graft.branch.cloud;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The builder part both cloud engines' configurations share: default expiry, where in the parent's
 * history branches start, pacing of requests, and the clock.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class CloudOptions<B extends CloudOptions<B>> {

    private Duration defaultTtl;
    private ParentPoint parentPoint = ParentPoint.head();
    private Pacing pacing = Pacing.DEFAULT;
    private Clock clock = Clock.systemUTC();

    protected abstract B self();

    /** The expiry of branches whose spec has no TTL (the spec's own TTL always wins). */
    public B defaultTtl(Duration ttl) {
        this.defaultTtl = Objects.requireNonNull(ttl, "ttl == null");
        return self();
    }

    public B parentPoint(ParentPoint point) {
        this.parentPoint = Objects.requireNonNull(point, "point == null");
        return self();
    }

    public B pacing(Pacing pacing) {
        this.pacing = Objects.requireNonNull(pacing, "pacing == null");
        return self();
    }

    /** Shorthand for {@code pacing(pacing.withDeadline(deadline))}. */
    public B deadline(Duration deadline) {
        this.pacing = pacing.withDeadline(deadline);
        return self();
    }

    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
        return self();
    }

    protected Optional<Duration> defaultTtl() {
        return Optional.ofNullable(defaultTtl);
    }

    protected ParentPoint parentPoint() {
        return parentPoint;
    }

    protected Pacing pacing() {
        return pacing;
    }

    protected Clock clock() {
        return clock;
    }
}
