package dev.graft.branch.cloud;

import dev.graft.branch.BranchException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The time one engine call (a create, with its retries and polling) may take in all. Every wait
 * is checked against it, so a call never hangs past its budget.
 *
 * @param end when the budget runs out
 * @param budget the whole budget, for messages
 * @param clock the clock that decides
 */
public record Deadline(Instant end, Duration budget, Clock clock) {

    /** A deadline {@code budget} from now. */
    public static Deadline after(Duration budget, Clock clock) {
        return new Deadline(clock.instant().plus(budget), budget, clock);
    }

    /** Time left; zero once passed. */
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** True when waiting {@code pause} would end past the deadline. */
    public boolean wouldPass(Duration pause) {
        return pause.compareTo(remaining()) > 0;
    }

    /** How long since the budget started. */
    public Duration elapsed() {
        return budget.minus(Duration.between(clock.instant(), end));
    }

    /** The budget for messages: {@code "0.3 s"}. */
    public String describe() {
        return seconds(budget);
    }

    static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** Sleeps, turning an interrupt into a {@link BranchException}. */
    public static void pause(Duration pause, String during) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BranchException("interrupted while " + during, e);
        }
    }
}
