package dev.graft.verifier.sql;

import java.util.Objects;

/**
 * One statement of a SQL migration.
 *
 * @param index         its position, from 1
 * @param line          the line of the file it starts on, from 1
 * @param sql           its text, without the terminating {@code ;}
 * @param transactional whether it may run inside a transaction ({@code CREATE INDEX CONCURRENTLY} may not)
 */
public record MigrationStatement(int index, int line, String sql, boolean transactional) {

    public MigrationStatement {
        Objects.requireNonNull(sql, "sql == null");
        if (index < 1 || line < 1) {
            throw new IllegalArgumentException("index and line count from 1: " + index + ", " + line);
        }
    }

    private static final java.util.regex.Pattern LEADING_COMMENTS = java.util.regex.Pattern.compile(
            "\\A(\\s*(--[^\\n]*(\\n|\\z)|/\\*.*?\\*/))*\\s*", java.util.regex.Pattern.DOTALL);

    /** The statement without the comments before it. */
    public String code() {
        return LEADING_COMMENTS.matcher(sql).replaceFirst("").strip();
    }

    private static final java.util.regex.Pattern SESSION_ONLY = java.util.regex.Pattern.compile(
            "(?i)(SET|RESET)\\b.*", java.util.regex.Pattern.DOTALL);

    /**
     * Whether it changes only its session ({@code SET}, {@code RESET}, {@code SET ROLE}, ...): after
     * it, the database holds what it held before it.
     */
    public boolean sessionOnly() {
        return SESSION_ONLY.matcher(code()).matches();
    }

    private static final java.util.regex.Pattern SESSION_STATE = java.util.regex.Pattern.compile(
            "(?is)(\\A(DO|SET|RESET|EXECUTE)\\b.*)|(.*\\b(set_config|temp|temporary|prepare|listen|declare"
                    + "|pg_advisory_lock|pg_advisory_lock_shared|currval|lastval)\\b.*)");

    /**
     * Whether, by its text, it surely leaves nothing in its session a later statement could see
     * (settings, temporary tables, prepared statements, cursors, advisory locks, sequence state).
     * Conservative: a DO block, or a mention of {@code set_config}, {@code temp}, ... says no.
     */
    public boolean sessionNeutral() {
        return !SESSION_STATE.matcher(code()).matches();
    }

    /** The first line of the statement's code, shortened for reports. */
    public String summary() {
        String first = code().lines().findFirst().orElse("");
        return first.length() > 80 ? first.substring(0, 77) + "..." : first;
    }
}
