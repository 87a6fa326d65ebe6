package dev.graft.verifier;

import java.util.Locale;

/**
 * How a verification ended, for a CI script to act on: the JSON report's {@code "outcome"} and the
 * start of the Maven goal's failure message. A failed proof means a migration must not ship as it
 * is; a set-up error means nothing was proven (the database, the engine, the configuration, or
 * Flyway refusing the set of migrations stopped the run before its checks) and the run is to be
 * repeated once that is fixed.
 */
public enum Outcome {
    /** Every check of every migration held, and nothing stopped the run. */
    PASSED,
    /** At least one check ran and did not hold. */
    PROOF_FAILED,
    /** The run stopped before its checks could say anything, and no check failed. */
    SETUP_ERROR;

    /** The outcome of a report: a failed check outweighs what stopped the run afterwards. */
    public static Outcome of(VerificationReport report) {
        if (report.passed()) {
            return PASSED;
        }
        return report.failures().isEmpty() && report.error().isPresent() ? SETUP_ERROR : PROOF_FAILED;
    }

    /** As the JSON report writes it: {@code passed}, {@code proof_failed} or {@code setup_error}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
