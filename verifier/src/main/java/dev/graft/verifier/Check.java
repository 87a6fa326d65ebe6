package dev.graft.verifier;

/** What the verifier proves about each pending migration, in the order it proves it. */
public enum Check {
    /** It applies with stock Flyway on a fresh branch. */
    APPLY("apply", "applies with stock Flyway"),
    /** Running its SQL a second time succeeds and changes neither schema nor data. */
    REAPPLY("reapply", "second run changes nothing"),
    /** Interrupted after any statement and run again, it reaches the clean run's end state. */
    PREFIX_REPLAY("prefix-replay", "every interrupted prefix converges"),
    /** Transition triggers copy writes of either shape into the other. */
    TRANSITION_SYNC("transition-sync", "transition triggers keep both shapes in sync"),
    /** Every existing row survives the way to the new shape and back. */
    ROUND_TRIP("round-trip", "existing rows round-trip"),
    /** After {@code complete}, nothing of the old shape remains. */
    CONTRACT("contract", "nothing of the old shape remains"),
    /** Hand-written SQL is idempotent and takes no dangerous locks. */
    LINT("lint", "hand-written SQL lint"),
    /** Applied under a workload of the old application, it blocks no workload statement beyond the lock budget. */
    LOCKS("locks", "the workload waits behind it no longer than the lock budget"),
    /** Aborting a transition gives back the state before its expand, and the expand then runs again as before. */
    ABORT("abort", "abort, then expand again, equals expand");

    private final String id;
    private final String title;

    Check(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** A stable lower-case id for reports and configuration: {@code prefix-replay}. */
    public String id() {
        return id;
    }

    /** What passing means, for reports. */
    public String title() {
        return title;
    }
}
