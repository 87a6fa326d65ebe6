package dev.graft.verifier.lint;

import dev.graft.verifier.lint.StatementFacts.AlterAction;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites of {@code ADD CONSTRAINT}: guarded so a second run skips it, named when it was not
 * (a guard needs the name), {@code NOT VALID} where the scan should wait, and keys over a unique
 * index built concurrently first.
 */
final class ConstraintRewrites {

    private static final Pattern TYPE = Pattern.compile("\\b(CHECK|UNIQUE|PRIMARY\\s+KEY|FOREIGN\\s+KEY|EXCLUDE)\\b(.*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern NOT_VALID = Pattern.compile("\\bNOT\\s+VALID\\b", Pattern.CASE_INSENSITIVE);

    private ConstraintRewrites() {
    }

    /** The constraint's name, or the one PostgreSQL would give it. */
    static String name(String table, AlterAction a) {
        if (!a.name().isEmpty()) {
            return a.name();
        }
        Matcher type = TYPE.matcher(a.text());
        List<String> columns = type.find() ? Rewrites.columns(type.group(2)) : List.of();
        return switch (a.constraint()) {
            case "PRIMARY KEY" -> Rewrites.defaultName(table, List.of(), "pkey");
            case "UNIQUE" -> Rewrites.defaultName(table, columns, "key");
            case "FOREIGN KEY" -> Rewrites.defaultName(table, columns, "fkey");
            case "EXCLUDE" -> Rewrites.defaultName(table, List.of(), "excl");
            default -> Rewrites.defaultName(table, List.of(), "check");
        };
    }

    /** The action as written, named, and {@code NOT VALID} when asked. */
    static String action(String table, AlterAction a, boolean notValid) {
        String text = a.text();
        if (a.name().isEmpty()) {
            text = text.replaceFirst("(?i)^ADD\\s+", "ADD CONSTRAINT " + Matcher.quoteReplacement(name(table, a)) + " ");
        }
        if (notValid && !NOT_VALID.matcher(text).find()) {
            text = text + " NOT VALID";
        }
        return text;
    }

    /** {@code DO $$ BEGIN IF NOT EXISTS (<the constraint>) THEN ALTER TABLE ... ADD CONSTRAINT ...; END IF; END $$}. */
    static String guardedAdd(String table, AlterAction a, boolean notValid) {
        String sql = Rewrites.alterTable(table, List.of(action(table, a, notValid)));
        return Rewrites.guarded(a.constraint().equals("PRIMARY KEY") ? Rewrites.noPrimaryKey(table)
                : Rewrites.noConstraint(table, name(table, a)), sql);
    }

    /**
     * A unique or primary key without holding writes: {@code CREATE UNIQUE INDEX CONCURRENTLY IF NOT
     * EXISTS} over the key's columns, then the guarded {@code ADD CONSTRAINT ... USING INDEX}.
     */
    static String keyOverIndex(String table, AlterAction a) {
        Matcher type = TYPE.matcher(a.text());
        String columns = type.find() ? SqlText.firstParenthesis(type.group(2)) : "";
        String name = name(table, a);
        String key = a.constraint().toUpperCase(Locale.ROOT);
        return "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + name + " ON " + table + " (" + columns + ");\n"
                + Rewrites.guarded(key.equals("PRIMARY KEY") ? Rewrites.noPrimaryKey(table)
                        : Rewrites.noConstraint(table, name), "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + key
                        + " USING INDEX " + name);
    }
}
