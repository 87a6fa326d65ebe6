package dev.graft.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What a name in a catalog may be: letters, digits, {@code _} and {@code $}, not starting with a
 * digit or {@code $}, at most 63 bytes. A name with a quote or a semicolon is only an invalid
 * name: it is reported, never put into SQL.
 */
public final class Identifiers {

    /** PostgreSQL's NAMEDATALEN - 1. */
    public static final int MAX_BYTES = 63;

    private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_$]*");

    private Identifiers() { }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches()
                && name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
