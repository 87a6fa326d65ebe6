package dev.graft.branch;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an engine knows of one branch.
 *
 * @param name the stored (sanitized) name
 * @param parent the name of the database it was copied from; empty for a root
 * @param createdAt when it was made
 * @param expiresAt when the engine may remove it; empty for no expiry
 * @param copy how it was copied
 */
public record BranchInfo(String name, Optional<String> parent, Instant createdAt,
                         Optional<Instant> expiresAt, CopyReport copy) {
    public BranchInfo {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(parent, "parent == null");
        Objects.requireNonNull(createdAt, "createdAt == null");
        Objects.requireNonNull(expiresAt, "expiresAt == null");
        Objects.requireNonNull(copy, "copy == null");
    }

    /** True when the branch has an expiry that lies before {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiresAt.map(now::isAfter).orElse(false);
    }
}
