package dev.graft.verifier.snapshot;

/**
 * The one place the verifier turns a name into a quoted SQL identifier. Public so every package
 * of the verifier quotes the same way.
 */
public final class SqlNames {

    private SqlNames() {
    }

    /** {@code "Name"}, with embedded quotes doubled. */
    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** {@code "schema"."table"}. */
    public static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    /** A string literal: {@code 'O''Brien'}. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
