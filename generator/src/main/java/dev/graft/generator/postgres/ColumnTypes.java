package dev.graft.generator.postgres;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a column type written in the catalog means for the values it holds. A catalog type may be
 * a declaration rather than a type: {@code serial} is {@code integer} with a sequence, and
 * {@code bigint generated always as identity} is {@code bigint} with an identity. Casts, variables
 * and new columns that hold the same values use the type alone.
 */
final class ColumnTypes {

    private static final Pattern IDENTITY = Pattern.compile(
            "(?i)\\s+generated\\s+(always|by\\s+default)\\s+as\\s+identity\\b.*$");
    private static final Pattern ALWAYS = Pattern.compile("(?i).*\\sgenerated\\s+always\\s+as\\s+identity\\b.*");
    private static final Map<String, String> SERIAL = Map.of("smallserial", "smallint", "serial2", "smallint",
            "serial", "integer", "serial4", "integer", "bigserial", "bigint", "serial8", "bigint");
    private static final java.util.Set<String> INTEGER = java.util.Set.of("smallint", "integer", "bigint", "int",
            "int2", "int4", "int8");

    private ColumnTypes() { }

    /** The type of the values: {@code serial} is {@code integer}, an identity clause is dropped. */
    static String storage(String declared) {
        String type = IDENTITY.matcher(declared.trim()).replaceFirst("");
        return SERIAL.getOrDefault(type.toLowerCase(Locale.ROOT), type);
    }

    /** Whether the column is {@code GENERATED ALWAYS AS IDENTITY}: written only with OVERRIDING SYSTEM VALUE. */
    static boolean alwaysIdentity(String declared) {
        return ALWAYS.matcher(declared).matches();
    }

    /**
     * Whether the column is an integer, the only kind a sequence (serial, identity, or a default
     * the catalog does not know of) can fill.
     */
    static boolean integer(String declared) {
        return INTEGER.contains(storage(declared).toLowerCase(Locale.ROOT));
    }
}
