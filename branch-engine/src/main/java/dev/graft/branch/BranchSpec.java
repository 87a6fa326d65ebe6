package dev.graft.branch;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What to create: a name, the parent to copy (none for an empty root), how long the branch may
 * live, what to do when the name is taken, and what to load into a new root.
 *
 * <pre>{@code
 * BranchSpec pr = BranchSpec.of("pr-42").parent("main").ttl(Duration.ofHours(2)).ifExists(IfExists.REUSE).build();
 * BranchSpec main = BranchSpec.root("main").seed(Seed.sqlFile(Path.of("chinook.sql"))).build();
 * }</pre>
 *
 * @param name the requested name; engines sanitize it (see {@link BranchNames})
 * @param parent the database to copy; empty for a new empty root database
 * @param ttl how long the branch may live before an engine removes it; empty for no expiry
 * @param ifExists what to do when a branch of that name exists
 * @param seed what to load after creating (applied only when the branch is new)
 */
public record BranchSpec(String name, Optional<String> parent, Optional<Duration> ttl, IfExists ifExists, Seed seed) {

    /** Branches expire after a day unless told otherwise, so a crashed run cannot leak them forever. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);

    public BranchSpec {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(parent, "parent == null");
        Objects.requireNonNull(ttl, "ttl == null");
        Objects.requireNonNull(ifExists, "ifExists == null");
        Objects.requireNonNull(seed, "seed == null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank");
        }
        ttl.ifPresent(t -> {
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("ttl must be positive: " + t);
            }
        });
    }

    /** A branch of some parent; set the parent with {@link Builder#parent(String)}. TTL: {@link #DEFAULT_TTL}. */
    public static Builder of(String name) {
        return new Builder(name).ttl(DEFAULT_TTL);
    }

    /** A new, empty root database (optionally seeded), with no expiry. */
    public static Builder root(String name) {
        return new Builder(name);
    }

    public boolean isRoot() {
        return parent.isEmpty();
    }

    /** Builds a {@link BranchSpec}; every setter returns this builder. */
    public static final class Builder {
        private final String name;
        private String parent;
        private Duration ttl;
        private IfExists ifExists = IfExists.FAIL;
        private Seed seed = Seed.none();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name == null");
        }

        public Builder parent(String parent) {
            this.parent = Objects.requireNonNull(parent, "parent == null");
            return this;
        }

        public Builder ttl(Duration ttl) {
            this.ttl = Objects.requireNonNull(ttl, "ttl == null");
            return this;
        }

        public Builder noExpiry() {
            this.ttl = null;
            return this;
        }

        public Builder ifExists(IfExists ifExists) {
            this.ifExists = Objects.requireNonNull(ifExists, "ifExists == null");
            return this;
        }

        public Builder seed(Seed seed) {
            this.seed = Objects.requireNonNull(seed, "seed == null");
            return this;
        }

        public BranchSpec build() {
            return new BranchSpec(name, Optional.ofNullable(parent), Optional.ofNullable(ttl), ifExists, seed);
        }
    }
}
