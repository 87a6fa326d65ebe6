package dev.graft.verifier.lint;

import dev.graft.verifier.snapshot.SqlNames;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SQL of suggested rewrites: guards that make a statement run twice, names for what was left
 * unnamed ({@code IF NOT EXISTS} and every guard need one). Names from the user's SQL reach a
 * guard only as literals ({@link SqlNames#literal}) and new names only quoted ({@link SqlNames#quote}).
 */
final class Rewrites {

    private static final Pattern NOT_WORD = Pattern.compile("[^A-Za-z0-9_]+");

    private Rewrites() {
    }

    /** {@code DO $$ BEGIN IF <condition> THEN <sql>; END IF; END $$}, with a dollar tag {@code sql} does not use. */
    static String guarded(String condition, String sql) {
        String tag = sql.contains("$$") ? "$graft$" : "$$";
        return "DO " + tag + " BEGIN IF " + condition + " THEN " + sql + "; END IF; END " + tag;
    }

    /** No constraint of this name on the table yet. */
    static String noConstraint(String table, String constraint) {
        return "NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass(" + SqlNames.literal(table)
                + ") AND conname = " + SqlNames.literal(KnownTables.fold(constraint)) + ")";
    }

    /** The table has no primary key yet. */
    static String noPrimaryKey(String table) {
        return "NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass(" + SqlNames.literal(table)
                + ") AND contype = 'p')";
    }

    /** The table has a column of this name. */
    static String hasColumn(String table, String column) {
        return "EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(" + SqlNames.literal(table)
                + ") AND attname = " + SqlNames.literal(KnownTables.fold(column)) + " AND NOT attisdropped)";
    }

    /** The type or domain does not exist yet. */
    static String noType(String type) {
        return "to_regtype(" + SqlNames.literal(type) + ") IS NULL";
    }

    /** No constraint of this name on the domain yet. */
    static String noDomainConstraint(String domain, String constraint) {
        return "NOT EXISTS (SELECT 1 FROM pg_constraint WHERE contypid = to_regtype(" + SqlNames.literal(domain)
                + ") AND conname = " + SqlNames.literal(KnownTables.fold(constraint)) + ")";
    }

    /**
     * PostgreSQL's own name for an unnamed constraint or index: {@code orders_customer_id_fkey}
     * for a foreign key of {@code orders} on {@code customer_id}, {@code orders_pkey}, {@code orders_a_idx}.
     */
    static String defaultName(String table, List<String> columns, String suffix) {
        String base = KnownTables.resolve(table);
        base = base.substring(base.indexOf('.') + 1);
        StringBuilder name = new StringBuilder(base);
        if (!suffix.equals("pkey")) {
            for (String column : columns) {
                name.append('_').append(NOT_WORD.matcher(KnownTables.fold(column)).replaceAll("_").replaceAll("^_|_$", ""));
            }
        }
        name.append('_').append(suffix);
        String text = name.toString().toLowerCase(Locale.ROOT).equals(name.toString()) ? name.toString()
                : SqlNames.quote(name.toString());
        return text.length() > 63 ? text.substring(0, 63) : text;
    }

    /** The column list of a key or index definition: {@code (a, lower(b))} as {@code a}, {@code lower(b)}. */
    static List<String> columns(String definition) {
        return SqlText.topLevelParts(SqlText.firstParenthesis(definition));
    }

    /** The statement rebuilt from its table and actions, one of them replaced. */
    static String alterTable(String table, List<String> actions) {
        return "ALTER TABLE " + table + " " + String.join(", ", actions);
    }
}
