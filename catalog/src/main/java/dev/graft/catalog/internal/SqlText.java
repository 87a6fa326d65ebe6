package dev.graft.catalog.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Lexical facts about SQL text that need no parser: where literals, quoted names, comments and
 * dollar-quoted bodies are, so that a semicolon or keyword inside them is not mistaken for code.
 */
public final class SqlText {

    private SqlText() { }

    /** The text with every literal, quoted name and comment blanked out (same length). */
    public static String withoutLiterals(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            int end = skip(sql, i);
            if (end > i) {
                out.append(" ".repeat(end - i));
                i = end;
            } else {
                out.append(sql.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Where the first comment ({@code --} or {@code /*}) outside literals and quoted names starts, or -1. */
    public static int commentStart(String sql) {
        int i = 0;
        while (i < sql.length()) {
            if (sql.startsWith("--", i) || sql.startsWith("/*", i)) {
                return i;
            }
            int end = skip(sql, i);
            i = end > i ? end : i + 1;
        }
        return -1;
    }

    /** Whether {@code sql} is exactly one plain string literal ({@code 'O''Brien'}). */
    public static boolean isStringLiteral(String sql) {
        if (sql.length() < 2 || sql.charAt(0) != '\'') {
            return false;
        }
        int i = 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i == sql.length() - 1;
            }
            i++;
        }
        return false;
    }

    /** The deepest parenthesis nesting of {@code code} (literals already blanked out). */
    public static int nesting(String code) {
        int depth = 0;
        int deepest = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
        }
        return deepest;
    }

    /** Splits a script into statements at semicolons outside literals, comments and dollar quotes. */
    public static List<String> statements(String script) {
        return located(script).stream().map(Located::text).toList();
    }

    /**
     * A statement of a script and where its first character stands in the script.
     *
     * @param text   the statement, stripped, without its semicolon
     * @param line   1-based line in the script
     * @param column 1-based column in the script
     */
    public record Located(String text, int line, int column) { }

    /** As {@link #statements}, each with its line and column in the script. */
    public static List<Located> located(String script) {
        List<Located> result = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < script.length()) {
            int end = skip(script, i);
            if (end > i) {
                i = end;
            } else if (script.charAt(i) == ';') {
                add(result, script, start, i);
                start = ++i;
            } else {
                i++;
            }
        }
        add(result, script, start, script.length());
        return result;
    }

    private static void add(List<Located> result, String script, int from, int to) {
        String statement = script.substring(from, to);
        if (withoutLiterals(statement).isBlank()) {
            return;
        }
        int first = from;
        while (first < to && Character.isWhitespace(script.charAt(first))) {
            first++;
        }
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < first; k++) {
            if (script.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        result.add(new Located(statement.strip(), line, first - lineStart + 1));
    }

    /** If a literal, quoted name, comment or dollar-quoted body starts at {@code i}: its end, else {@code i}. */
    private static int skip(String s, int i) {
        char c = s.charAt(i);
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < s.length()) {
                if (s.charAt(j) == c) {
                    if (j + 1 < s.length() && s.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return s.length();
        }
        if (s.startsWith("--", i)) {
            int nl = s.indexOf('\n', i);
            return nl < 0 ? s.length() : nl;
        }
        if (s.startsWith("/*", i)) {
            int close = s.indexOf("*/", i + 2);
            return close < 0 ? s.length() : close + 2;
        }
        if (c == '$') {
            int j = i + 1;
            while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                j++;
            }
            if (j < s.length() && s.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(s.charAt(i + 1)))) {
                String tag = s.substring(i, j + 1);
                int close = s.indexOf(tag, j + 1);
                return close < 0 ? s.length() : close + tag.length();
            }
        }
        return i;
    }
}
