package dev.graft.generator.plan;

import dev.graft.catalog.refactoring.TableName;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The one place where names become SQL: every identifier Graft writes is double-quoted here,
 * and every text written as a literal is single-quoted here.
 *
 * <pre>{@code
 * SqlIdentifier.quote("inventory_code");              // "inventory_code"
 * SqlIdentifier.table(TableName.of("inventory"));     // "public"."inventory"
 * SqlIdentifier.literal("O'Brien");                   // 'O''Brien'
 * }</pre>
 */
public final class SqlIdentifier {

    private SqlIdentifier() { }

    /** A double-quoted identifier; embedded quotes are doubled. */
    public static String quote(String identifier) {
        Objects.requireNonNull(identifier, "identifier == null");
        if (identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid identifier: \"" + identifier + "\"");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A schema-qualified table name: {@code "public"."inventory"}. */
    public static String table(TableName table) {
        return quote(table.schema()) + "." + quote(table.name());
    }

    /** An object in the schema of {@code table}: {@code "public"."graft_2_inventory_sync"}. */
    public static String inSchema(TableName table, String name) {
        return quote(table.schema()) + "." + quote(name);
    }

    /** Quoted names joined by {@code ", "}. */
    public static String list(List<String> identifiers) {
        return identifiers.stream().map(SqlIdentifier::quote).collect(Collectors.joining(", "));
    }

    /** A standard-conforming string literal. */
    public static String literal(String text) {
        Objects.requireNonNull(text, "text == null");
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a literal cannot hold NUL");
        }
        return "'" + text.replace("'", "''") + "'";
    }

    /** The regclass of a table, for {@code pg_catalog} lookups: {@code to_regclass('"public"."t"')}. */
    public static String regclass(TableName table) {
        return "to_regclass(" + literal(table(table)) + ")";
    }
}
