package dev.graft.verifier.shapes;

import dev.graft.branch.Branch;

/** Makes and removes the extra branches a check needs, so that the run keeps track of every branch. */
public interface ScratchBranches {

    /** A new branch of {@code parent}, for {@code purpose} ({@code round-trip-rows}). */
    Branch copy(Branch parent, String purpose);

    /** Deletes a branch {@link #copy} made. */
    void delete(Branch branch);
}
