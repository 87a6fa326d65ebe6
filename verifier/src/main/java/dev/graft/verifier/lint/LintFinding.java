package dev.graft.verifier.lint;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem lint found in a hand-written SQL migration.
 *
 * @param rule       the rule, with its stable code
 * @param file       the migration file name
 * @param line       the line the statement starts on, from 1
 * @param column     the column the statement starts at, from 1
 * @param message    what is wrong, lower case, names in double quotes
 * @param statement  the statement's first line
 * @param suggestion a rewrite that avoids the problem: SQL that runs, and runs again, on PostgreSQL
 * @param advice     what to do when no statement does it (a catalog refactoring, a later migration)
 */
public record LintFinding(LintRule rule, String file, int line, int column, String message, String statement,
        Optional<String> suggestion, Optional<String> advice) {

    public LintFinding {
        Objects.requireNonNull(rule, "rule == null");
        Objects.requireNonNull(file, "file == null");
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(statement, "statement == null");
        Objects.requireNonNull(suggestion, "suggestion == null");
        Objects.requireNonNull(advice, "advice == null");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column count from 1: " + line + ":" + column);
        }
    }

    /** A finding at the start of its line, with a rewrite and no advice. */
    public LintFinding(LintRule rule, String file, int line, String message, String statement,
            Optional<String> suggestion) {
        this(rule, file, line, 1, message, statement, suggestion, Optional.empty());
    }

    /** The stable code: {@code GRAFT-L101}. */
    public String code() {
        return rule.code();
    }

    /** {@code V8__fix.sql:3: create table "t" without if not exists [GRAFT-L101]}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + message + " [" + code() + "]";
    }

    /**
     * For people: {@code V8__fix.sql:3:1: error GRAFT-L101 create table "t" without if not exists
     * (docs/lint-rules.md#graft-l101)}, then the rewrite and the advice on lines of their own.
     */
    public String describe() {
        StringBuilder out = new StringBuilder(file).append(':').append(line).append(':').append(column).append(": ")
                .append(rule.severity().name().toLowerCase(Locale.ROOT)).append(' ').append(code()).append(' ')
                .append(message).append(" (").append(rule.docs()).append(')');
        suggestion.ifPresent(s -> out.append("\n    rewrite: ").append(s));
        advice.ifPresent(a -> out.append("\n    advice: ").append(a));
        return out.toString();
    }
}
