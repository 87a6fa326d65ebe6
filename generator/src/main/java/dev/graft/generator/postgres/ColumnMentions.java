package dev.graft.generator.postgres;

import java.util.Locale;

/**
 * Whether a SQL expression of the catalog (an index expression, a predicate, a check) names a
 * column: a scan of its tokens that skips string literals, dollar quotes and comments, folds
 * unquoted names to lower case as PostgreSQL does, and ignores a name used as a function or after
 * {@code ::}. Used to foresee what depends on a column; the database has the last word.
 */
final class ColumnMentions {

    private ColumnMentions() { }

    static boolean in(String sql, String column) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'') {
                i = afterLiteral(sql, i, false);
            } else if ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'' && !partOfName(sql, i - 1)) {
                i = afterLiteral(sql, i + 1, true);
            } else if (c == '"') {
                StringBuilder name = new StringBuilder();
                int j = i + 1;
                while (j < n) {
                    if (sql.charAt(j) == '"') {
                        if (j + 1 < n && sql.charAt(j + 1) == '"') {
                            name.append('"');
                            j += 2;
                            continue;
                        }
                        j++;
                        break;
                    }
                    name.append(sql.charAt(j++));
                }
                if (name.toString().equals(column) && isColumn(sql, i, j)) {
                    return true;
                }
                i = j;
            } else if (c == '$' && i + 1 < n && !Character.isDigit(sql.charAt(i + 1))) {
                int close = sql.indexOf('$', i + 1);
                String tag = close < 0 ? "" : sql.substring(i, close + 1);
                int end = close < 0 ? -1 : sql.indexOf(tag, close + 1);
                i = end < 0 ? n : end + tag.length();
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && partOfName(sql, j)) {
                    j++;
                }
                if (sql.substring(i, j).toLowerCase(Locale.ROOT).equals(column) && isColumn(sql, i, j)) {
                    return true;
                }
                i = j;
            } else {
                i++;
            }
        }
        return false;
    }

    private static int afterLiteral(String sql, int quote, boolean backslashes) {
        int j = quote + 1;
        while (j < sql.length()) {
            char c = sql.charAt(j);
            if (backslashes && c == '\\') {
                j += 2;
            } else if (c == '\'') {
                if (j + 1 < sql.length() && sql.charAt(j + 1) == '\'') {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return j;
    }

    private static boolean partOfName(String sql, int at) {
        if (at < 0 || at >= sql.length()) {
            return false;
        }
        char c = sql.charAt(at);
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** Not a function ({@code name(}) and not a type ({@code ::name}). */
    private static boolean isColumn(String sql, int start, int end) {
        int after = end;
        while (after < sql.length() && Character.isWhitespace(sql.charAt(after))) {
            after++;
        }
        int before = start - 1;
        while (before >= 0 && Character.isWhitespace(sql.charAt(before))) {
            before--;
        }
        boolean call = after < sql.length() && sql.charAt(after) == '(';
        boolean type = before >= 1 && sql.charAt(before) == ':' && sql.charAt(before - 1) == ':';
        return !call && !type;
    }
}
