package dev.graft.catalog.refactoring;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code match} of a multi-column foreign key: {@code simple} (the default: a row with any key
 * column null is not checked) or {@code full} (all key columns null, or none). PostgreSQL does
 * not implement {@code MATCH PARTIAL}.
 */
public enum MatchType {
    SIMPLE,
    FULL;

    static final List<String> SPELLINGS = Arrays.stream(values()).map(MatchType::yaml).toList();

    /** The catalog spelling: {@code full}. */
    public String yaml() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The SQL clause: {@code MATCH FULL}. */
    public String sql() {
        return "MATCH " + name();
    }

    /** Parses {@code full} or {@code FULL}. */
    public static Optional<MatchType> parse(String text) {
        String normal = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.name().equals(normal)).findFirst();
    }
}
