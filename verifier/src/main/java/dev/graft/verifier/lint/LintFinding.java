package dev.graft.verifier.lint;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem lint found in a hand-written SQL migration.
 *
 * @param rule       the rule, with its stable code
 * @param file       the migration file name
 * @param line       the line the statement starts on, from 1
 * @param message    what is wrong, lower case, names in double quotes
 * @param statement  the statement's first line
 * @param suggestion a rewrite that avoids the problem, if there is one
 */
public record LintFinding(LintRule rule, String file, int line, String message, String statement,
        Optional<String> suggestion) {

    public LintFinding {
        Objects.requireNonNull(rule, "rule == null");
        Objects.requireNonNull(file, "file == null");
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(statement, "statement == null");
        Objects.requireNonNull(suggestion, "suggestion == null");
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
}
