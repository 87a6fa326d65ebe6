package dev.graft.verifier.lint;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which column type changes PostgreSQL makes without rewriting the table: the new type stores
 * the same bytes ({@code varchar(n)} to {@code text}, a length raised or dropped, a numeric's
 * precision raised at the same scale). Known only when the schema gives the old type.
 */
final class ColumnTypes {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern NEW_TYPE = Pattern.compile("\\bTYPE\\s+(.+?)(\\s+COLLATE\\b.*|\\s+USING\\b.*)?$", FLAGS);
    private static final Pattern SIZED = Pattern.compile("^([a-z ]+?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?$");

    private ColumnTypes() {
    }

    /** Whether {@code ALTER COLUMN ... TYPE} keeps the rows as they are, given the old type when it is known. */
    static boolean keepsStorage(Optional<String> oldType, String action) {
        Matcher m = NEW_TYPE.matcher(action);
        if (oldType.isEmpty() || !m.find() || m.group(2) != null && m.group(2).strip().toUpperCase(Locale.ROOT).startsWith("USING")) {
            return false;
        }
        Matcher from = SIZED.matcher(canonical(oldType.get()));
        Matcher to = SIZED.matcher(canonical(m.group(1)));
        if (!from.find() || !to.find()) {
            return false;
        }
        String a = from.group(1);
        String b = to.group(1);
        if (a.equals("character varying") || a.equals("text")) {
            return b.equals("text") || b.equals("character varying") && (to.group(2) == null
                    || a.equals("character varying") && from.group(2) != null && atLeast(to.group(2), from.group(2)));
        }
        if (a.equals("numeric") && b.equals("numeric")) {
            return to.group(2) == null || from.group(2) != null && atLeast(to.group(2), from.group(2))
                    && java.util.Objects.equals(scale(from), scale(to));
        }
        if (a.equals("bit varying") && b.equals("bit varying")) {
            return to.group(2) == null || from.group(2) != null && atLeast(to.group(2), from.group(2));
        }
        return a.equals(b) && from.group(2) == null && to.group(2) == null;
    }

    private static String scale(Matcher sized) {
        return sized.group(3) == null ? "0" : sized.group(3);
    }

    private static boolean atLeast(String wider, String narrower) {
        return Integer.parseInt(wider) >= Integer.parseInt(narrower);
    }

    /** {@code VARCHAR(20)} as {@code character varying(20)}, {@code decimal} as {@code numeric}, {@code int} as {@code integer}. */
    static String canonical(String type) {
        String t = type.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replace("\"", "");
        t = t.replaceFirst("^varchar\\b", "character varying").replaceFirst("^decimal\\b", "numeric")
                .replaceFirst("^varbit\\b", "bit varying").replaceFirst("^(int4|int)$", "integer")
                .replaceFirst("^int8$", "bigint").replaceFirst("^int2$", "smallint")
                .replaceFirst("^timestamptz$", "timestamp with time zone").replaceFirst("^timestamp$", "timestamp without time zone");
        return t;
    }
}
