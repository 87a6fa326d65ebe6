package dev.graft.branch.cloud;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The pause before retry number {@code n}: exponential, with "equal jitter" (a random point in
 * the upper half) so that many clients throttled together do not come back together, and never
 * shorter than the service's {@code Retry-After}.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    Backoff(Duration initial, Duration max) {
        this(initial, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The pause after failed attempt number {@code attempt} (1 for the first). */
    Duration after(int attempt, Optional<String> retryAfter, Instant now) {
        long ceiling = initial.toMillis() << Math.min(attempt - 1, 20);
        ceiling = Math.min(ceiling, max.toMillis());
        long jittered = ceiling / 2 + Math.round(random.getAsDouble() * (ceiling - ceiling / 2));
        Duration pause = Duration.ofMillis(jittered);
        Optional<Duration> asked = retryAfter.flatMap(value -> parseRetryAfter(value, now));
        return asked.filter(a -> a.compareTo(pause) > 0).orElse(pause);
    }

    /** {@code Retry-After} is either delay-seconds or an HTTP date (RFC 9110 10.2.3). */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String text = value.strip();
        if (text.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
