package dev.graft.catalog.refactoring;

import java.util.Locale;
import java.util.Optional;

/**
 * What {@code add_foreign_key} does with existing rows whose key has no referenced row:
 * {@code reject} (the default: validation fails), {@code nullify} or {@code delete}.
 */
public enum Orphans {
    REJECT,
    NULLIFY,
    DELETE;

    /** The catalog spelling: {@code nullify}. */
    public String yaml() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the catalog spelling, case-insensitively. */
    public static Optional<Orphans> parse(String text) {
        for (Orphans value : values()) {
            if (value.yaml().equalsIgnoreCase(text.trim())) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
