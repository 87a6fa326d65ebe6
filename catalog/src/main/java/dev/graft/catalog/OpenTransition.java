package dev.graft.catalog;

import dev.graft.catalog.refactoring.Refactoring;
import java.util.Objects;

/**
 * A transition that was expanded and not yet completed: both shapes exist and triggers keep
 * them in sync until a later migration writes {@code complete: "<version>"}.
 *
 * @param version     the version that opened it
 * @param migration   the migration that opened it
 * @param refactoring the refactoring whose contract is pending
 */
public record OpenTransition(Version version, Migration migration, Refactoring refactoring) {

    public OpenTransition {
        Objects.requireNonNull(version, "version == null");
        Objects.requireNonNull(migration, "migration == null");
        Objects.requireNonNull(refactoring, "refactoring == null");
    }
}
