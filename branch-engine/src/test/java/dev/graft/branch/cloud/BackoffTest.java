package dev.graft.branch.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Instant NOW = Instant.parse("2025-07-01T12:00:00Z");

    @Test
    void doublesWithJitterInTheUpperHalfUpToTheCap() {
        Backoff low = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0);
        Backoff high = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 1.0);

        assertThat(low.after(1, Optional.empty(), NOW)).isEqualTo(Duration.ofMillis(50));
        assertThat(high.after(1, Optional.empty(), NOW)).isEqualTo(Duration.ofMillis(100));
        assertThat(high.after(3, Optional.empty(), NOW)).isEqualTo(Duration.ofMillis(400));
        assertThat(high.after(30, Optional.empty(), NOW)).isEqualTo(Duration.ofSeconds(1));
        assertThat(low.after(30, Optional.empty(), NOW)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void neverWaitsLessThanRetryAfterInSecondsOrAsADate() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 1.0);

        assertThat(backoff.after(1, Optional.of("3"), NOW)).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.after(1, Optional.of("Tue, 01 Jul 2025 12:00:07 GMT"), NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(backoff.after(1, Optional.of("0"), NOW)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.after(1, Optional.of("soon"), NOW)).isEqualTo(Duration.ofMillis(100));
    }
}
