package dev.graft.branch;

/** What {@link BranchEngine#create(BranchSpec)} does when a branch of that name exists already. */
public enum IfExists {
    /** Fail with a {@link BranchException} naming the branch (the default). */
    FAIL,
    /** Return the existing branch unchanged: makes {@code create} idempotent. */
    REUSE,
    /** Delete the existing branch and create it anew. */
    REPLACE
}
