package dev.graft.catalog.refactoring;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code on_delete} / {@code on_update} of a foreign key. Accepts the catalog spelling
 * ({@code set_null}) and the SQL one ({@code SET NULL}), in any case.
 */
public enum ReferentialAction {
    NO_ACTION,
    RESTRICT,
    CASCADE,
    SET_NULL,
    SET_DEFAULT;

    /** The catalog spelling: {@code set_null}. */
    public String yaml() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The SQL spelling: {@code SET NULL}. */
    public String sql() {
        return name().replace('_', ' ');
    }

    /** Parses {@code set_null}, {@code SET NULL}, {@code set-null}. */
    public static Optional<ReferentialAction> parse(String text) {
        String normal = text.trim().replaceAll("[\\s_-]+", "_").toUpperCase(Locale.ROOT);
        for (ReferentialAction value : values()) {
            if (value.name().equals(normal)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
