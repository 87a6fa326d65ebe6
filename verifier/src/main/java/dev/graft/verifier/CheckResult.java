package dev.graft.verifier;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The result of one check of one migration.
 *
 * @param check   which check
 * @param status  how it ended
 * @param took    its wall-clock time (with branch creation)
 * @param summary one line for the summary table
 * @param details what a reviewer needs to see: for a failure its differences, errors and examples; for
 *                another result its warnings (writes the database refused) and the rows generated for it
 */
public record CheckResult(Check check, CheckStatus status, Duration took, String summary, List<String> details) {

    public CheckResult {
        Objects.requireNonNull(check, "check == null");
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(took, "took == null");
        Objects.requireNonNull(summary, "summary == null");
        details = List.copyOf(details);
    }

    public static CheckResult passed(Check check, Duration took, String summary) {
        return new CheckResult(check, CheckStatus.PASSED, took, summary, List.of());
    }

    /** Passed, with warnings or notes a reviewer may want to read. */
    public static CheckResult passed(Check check, Duration took, String summary, List<String> details) {
        return new CheckResult(check, CheckStatus.PASSED, took, summary, details);
    }

    /** Ran, but found nothing to prove it on; {@code why} says what was missing. */
    public static CheckResult notExercised(Check check, Duration took, String why, List<String> details) {
        return new CheckResult(check, CheckStatus.NOT_EXERCISED, took, why, details);
    }

    public static CheckResult failed(Check check, Duration took, String summary, List<String> details) {
        return new CheckResult(check, CheckStatus.FAILED, took, summary, details);
    }

    public static CheckResult skipped(Check check, String why) {
        return new CheckResult(check, CheckStatus.SKIPPED, Duration.ZERO, why, List.of());
    }

    public static CheckResult notRun(Check check, String why) {
        return new CheckResult(check, CheckStatus.NOT_RUN, Duration.ZERO, why, List.of());
    }

    public boolean failed() {
        return status == CheckStatus.FAILED;
    }

    /** Whether it ran to its end, passing, failing or finding nothing to prove it on. */
    public boolean ran() {
        return status == CheckStatus.PASSED || status == CheckStatus.FAILED || status == CheckStatus.NOT_EXERCISED;
    }
}
