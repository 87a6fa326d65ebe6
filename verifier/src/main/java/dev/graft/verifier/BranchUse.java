package dev.graft.verifier;

import dev.graft.branch.CopyReport;
import java.util.Objects;

/**
 * A branch the verifier made, and how the engine copied it.
 *
 * @param name    the branch name
 * @param parent  the database it was copied from
 * @param purpose what it was for: {@code apply}, {@code reapply}, {@code prefix 3/12}, ...
 * @param copy    the engine's report of the copy
 */
public record BranchUse(String name, String parent, String purpose, CopyReport copy) {
    public BranchUse {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(parent, "parent == null");
        Objects.requireNonNull(purpose, "purpose == null");
        Objects.requireNonNull(copy, "copy == null");
    }
}
