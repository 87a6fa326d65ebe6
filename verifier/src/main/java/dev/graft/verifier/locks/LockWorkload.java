package dev.graft.verifier.locks;

import java.time.Duration;
import java.util.Objects;

/**
 * The workload the {@code locks} check runs beside a migration, and how long it may be blocked.
 *
 * @param connections workload connections, each its own session (default 4)
 * @param rate        statements per second over all connections together (default 300)
 * @param budget      the longest a workload statement may wait behind the migration (default 200 ms)
 */
public record LockWorkload(int connections, int rate, Duration budget) {

    /** 4 connections, 300 statements/s, 200 ms. */
    public static final LockWorkload DEFAULTS = new LockWorkload(4, 300, Duration.ofMillis(200));

    public LockWorkload {
        if (connections < 1 || connections > 32) {
            throw new IllegalArgumentException("workload connections must be 1 to 32: " + connections);
        }
        if (rate < 1 || rate > 10_000) {
            throw new IllegalArgumentException("workload rate must be 1 to 10000 statements/s: " + rate);
        }
        Objects.requireNonNull(budget, "budget == null");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("lock budget must be positive: " + budget);
        }
    }

    public LockWorkload withConnections(int connections) {
        return new LockWorkload(connections, rate, budget);
    }

    public LockWorkload withRate(int rate) {
        return new LockWorkload(connections, rate, budget);
    }

    public LockWorkload withBudget(Duration budget) {
        return new LockWorkload(connections, rate, budget);
    }
}
