package dev.graft.branch.cloud;

import java.time.Duration;
import java.util.Objects;

/**
 * How patiently a cloud engine talks to its service: the budget of one engine call, the pause
 * between polls of an operation, the back-off between retries, and the timeout of one request.
 *
 * @param deadline the most one engine call (create, reset, delete, ...) may take, retries and polls included
 * @param pollInterval the first pause between two polls; it grows by half each poll up to {@code maxPollInterval}
 * @param maxPollInterval the longest pause between two polls
 * @param initialBackoff the first back-off after a 423/429/503 or a failed connection; it doubles each retry
 * @param maxBackoff the longest back-off
 * @param requestTimeout the most one HTTP request may take
 */
public record Pacing(Duration deadline, Duration pollInterval, Duration maxPollInterval,
                     Duration initialBackoff, Duration maxBackoff, Duration requestTimeout) {

    /** Five minutes per call, polls from 0.5 s to 5 s, back-off from 0.5 s to 20 s, 30 s per request. */
    public static final Pacing DEFAULT = new Pacing(Duration.ofMinutes(5), Duration.ofMillis(500),
            Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(20), Duration.ofSeconds(30));

    public Pacing {
        positive(deadline, "deadline");
        positive(pollInterval, "pollInterval");
        positive(maxPollInterval, "maxPollInterval");
        positive(initialBackoff, "initialBackoff");
        positive(maxBackoff, "maxBackoff");
        positive(requestTimeout, "requestTimeout");
        if (maxPollInterval.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("maxPollInterval " + maxPollInterval + " < pollInterval " + pollInterval);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " < initialBackoff " + initialBackoff);
        }
    }

    public Pacing withDeadline(Duration value) {
        return new Pacing(value, pollInterval, maxPollInterval, initialBackoff, maxBackoff, requestTimeout);
    }

    public Pacing withPolling(Duration first, Duration max) {
        return new Pacing(deadline, first, max, initialBackoff, maxBackoff, requestTimeout);
    }

    public Pacing withBackoff(Duration first, Duration max) {
        return new Pacing(deadline, pollInterval, maxPollInterval, first, max, requestTimeout);
    }

    public Pacing withRequestTimeout(Duration value) {
        return new Pacing(deadline, pollInterval, maxPollInterval, initialBackoff, maxBackoff, value);
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name + " == null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
