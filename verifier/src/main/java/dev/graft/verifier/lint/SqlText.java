package dev.graft.verifier.lint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text-level reading of SQL the parser does not need to see: top-level comma lists, string
 * literals blanked out before keyword searches, names as written.
 */
final class SqlText {

    /** A name as written, maybe qualified, maybe quoted: {@code sales."Log"}. */
    static final String NAME = "(?:\"(?:[^\"]|\"\")*\"|[^\\s\"(),;.]+)(?:\\.(?:\"(?:[^\"]|\"\")*\"|[^\\s\"(),;.]+))*";

    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$[A-Za-z_]*\\$");

    private SqlText() {
    }

    /** {@code a int, CHECK (a IN (1, 2)), b text} as its three parts, stripped. */
    static List<String> topLevelParts(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '\'' || c == '"') {
                i = closing(list, i, c);
            } else if (c == '$' && DOLLAR_TAG.matcher(list).region(i, list.length()).lookingAt()) {
                i = dollarClosing(list, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(list.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(list.substring(start).strip());
        return parts.stream().filter(p -> !p.isEmpty()).toList();
    }

    /** The text inside the first top-level parenthesis, or empty. */
    static String firstParenthesis(String sql) {
        int open = sql.indexOf('(');
        int depth = 0;
        for (int i = Math.max(open, 0); open >= 0 && i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = closing(sql, i, c);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return sql.substring(open + 1, i);
            }
        }
        return "";
    }

    /** The text with every string literal and dollar-quoted body emptied: keywords in data are not code. */
    static String withoutLiterals(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int end = closing(sql, i, c);
                out.append("''");
                i = end;
            } else if (c == '$' && DOLLAR_TAG.matcher(sql).region(i, sql.length()).lookingAt()) {
                int end = dollarClosing(sql, i);
                out.append("$$ $$");
                i = end;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The index of the quote that closes the one at {@code open} (doubled quotes are part of the text). */
    private static int closing(String s, int open, char quote) {
        for (int i = open + 1; i < s.length(); i++) {
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return s.length() - 1;
    }

    private static int dollarClosing(String s, int open) {
        java.util.regex.Matcher tag = DOLLAR_TAG.matcher(s).region(open, s.length());
        tag.lookingAt();
        int end = s.indexOf(tag.group(), tag.end());
        return end < 0 ? s.length() - 1 : end + tag.group().length() - 1;
    }

    /** {@code "Log"} to {@code Log}: the name without its double quotes. */
    static String bare(String name) {
        return name.replace("\"", "");
    }

    /** A name for messages: {@code "Log"}. */
    static String quoted(String name) {
        return "\"" + bare(name) + "\"";
    }

    /** The statement on one line, single spaces. */
    static String flat(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }

    /** Whether a name, as PostgreSQL stores it, is over the 63 bytes it keeps. */
    static boolean tooLong(String name) {
        return bare(name).getBytes(StandardCharsets.UTF_8).length > 63;
    }
}
