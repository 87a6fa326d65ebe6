package dev.graft.catalog.refactoring;

import java.util.Locale;
import java.util.Optional;

/**
 * What a transition trigger does when a statement writes both shapes with values that
 * disagree: {@code reject} (the default), {@code prefer_new} or {@code prefer_old}.
 */
public enum OnConflict {
    REJECT,
    PREFER_NEW,
    PREFER_OLD;

    /** The catalog spelling: {@code prefer_new}. */
    public String yaml() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the catalog spelling, case-insensitively. */
    public static Optional<OnConflict> parse(String text) {
        for (OnConflict value : values()) {
            if (value.yaml().equalsIgnoreCase(text.trim())) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
