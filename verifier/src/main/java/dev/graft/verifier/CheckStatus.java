package dev.graft.verifier;

/** How one check of one migration ended. */
public enum CheckStatus {
    /** It ran and held. */
    PASSED,
    /**
     * It ran but had nothing to prove it on (no row to round-trip, no write the table accepts):
     * not a pass; the summary says why.
     */
    NOT_EXERCISED,
    /** It ran and did not hold: the migration must not ship. */
    FAILED,
    /** Not applicable (no transition, no contract) or turned off; the summary says which. */
    SKIPPED,
    /** It could not run because an earlier step failed. */
    NOT_RUN
}
