package dev.graft.branch;

import java.util.List;
import java.util.Optional;

/**
 * Makes, finds, resets and deletes branches: databases copied from a parent database.
 *
 * <p>Every engine speaks this interface, whether the copy is a reflink clone on a local
 * file system, a template copy on a server, or a page-level copy-on-write branch in a cloud
 * service. Implementations are thread-safe. Every failure is a {@link BranchException} and
 * leaves nothing half-made.
 */
public interface BranchEngine extends AutoCloseable {

    /** A short name of the engine kind, such as {@code embedded}, {@code server} or {@code neon}. */
    String kind();

    /**
     * Creates a branch as the spec says: a copy of its parent, or an empty root database when the
     * spec has no parent. What happens when the name is taken is the spec's {@link IfExists}.
     */
    Branch create(BranchSpec spec);

    /**
     * Whether {@link BranchSpec#seed()} is honoured: template engines load seeds before a branch
     * is published; cloud engines refuse them (load data with {@link Seeds#apply(Seed, Branch)}
     * after creating the branch instead).
     */
    default boolean canSeed() {
        return true;
    }

    /** The branch of that (unsanitized) name, if it exists. */
    Optional<Branch> get(String name);

    /** Every branch this engine manages, oldest first. */
    List<BranchInfo> list();

    /** Throws the branch's changes away: it becomes a copy of its parent's current state again. */
    Branch reset(String name);

    /**
     * Deletes the branch, ending the connections still open to it first. Deleting a branch that
     * does not exist is not an error: it returns {@code false}.
     */
    boolean delete(String name);

    /** Releases what the engine holds (connections, a server it started). Idempotent. */
    @Override
    void close();
}
