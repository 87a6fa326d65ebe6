package dev.graft.catalog.refactoring;

import java.util.Locale;
import java.util.Optional;

/**
 * The kind of constraint {@code add_constraint} and {@code drop_constraint} name: {@code check},
 * {@code unique}, {@code primary_key}, {@code foreign_key}, {@code exclude}.
 */
public enum ConstraintKind {
    CHECK("c", "check"),
    UNIQUE("u", "key"),
    PRIMARY_KEY("p", "pkey"),
    FOREIGN_KEY("f", "fkey"),
    EXCLUDE("x", "excl");

    private final String contype;
    private final String suffix;

    ConstraintKind(String contype, String suffix) {
        this.contype = contype;
        this.suffix = suffix;
    }

    /** The catalog spelling: {@code primary_key}. */
    public String yaml() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code pg_constraint.contype}: {@code c}, {@code u}, {@code p}, {@code f}, {@code x}. */
    public String contype() {
        return contype;
    }

    /** The suffix of PostgreSQL's default name: {@code _check}, {@code _key}, {@code _pkey}, ... */
    public String suffix() {
        return suffix;
    }

    /** Whether PostgreSQL backs it with an index of the same name. */
    public boolean indexed() {
        return this == UNIQUE || this == PRIMARY_KEY || this == EXCLUDE;
    }

    /** Parses the catalog spelling, case-insensitively ({@code primary key}, as SQL spells it, too). */
    public static Optional<ConstraintKind> parse(String text) {
        String word = text.trim().replace(' ', '_');
        for (ConstraintKind kind : values()) {
            if (kind.yaml().equalsIgnoreCase(word)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
