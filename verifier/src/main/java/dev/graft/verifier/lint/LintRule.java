package dev.graft.verifier.lint;

/** Every lint rule, with its stable code and severity. */
public enum LintRule {
    UNPARSEABLE("GRAFT-L001", Severity.WARNING, "statement not understood"),

    CREATE_WITHOUT_IF_NOT_EXISTS("GRAFT-L101", Severity.ERROR, "create without if not exists"),
    DROP_WITHOUT_IF_EXISTS("GRAFT-L102", Severity.ERROR, "drop without if exists"),
    ADD_COLUMN_WITHOUT_IF_NOT_EXISTS("GRAFT-L103", Severity.ERROR, "add column without if not exists"),
    INSERT_WITHOUT_ON_CONFLICT("GRAFT-L104", Severity.ERROR, "insert without on conflict"),
    CREATE_WITHOUT_OR_REPLACE("GRAFT-L105", Severity.ERROR, "create without or replace"),
    UNGUARDED_RENAME("GRAFT-L106", Severity.ERROR, "rename without a guard"),
    UNGUARDED_ADD_CONSTRAINT("GRAFT-L107", Severity.ERROR, "add constraint without a guard"),
    UNGUARDED_CREATE_TYPE("GRAFT-L108", Severity.ERROR, "create type without a guard"),
    /**
     * Only with a schema: an insert into a table that has no key repeats its rows on a second run,
     * and {@code ON CONFLICT} cannot stop it. A warning: log rows may be meant to repeat, and the
     * reapply check sees the duplicates when they are not.
     */
    INSERT_WITHOUT_GUARD("GRAFT-L109", Severity.WARNING, "insert into a table without a key"),

    INDEX_WITHOUT_CONCURRENTLY("GRAFT-L201", Severity.ERROR, "index built under a write lock"),
    COLUMN_TYPE_REWRITE("GRAFT-L202", Severity.ERROR, "column type change rewrites the table"),
    CONSTRAINT_WITHOUT_NOT_VALID("GRAFT-L203", Severity.ERROR, "constraint validated under a write lock"),
    SET_NOT_NULL_WITHOUT_CHECK("GRAFT-L204", Severity.ERROR, "set not null scans under an exclusive lock"),
    VOLATILE_DEFAULT("GRAFT-L205", Severity.WARNING, "volatile default rewrites the table"),
    KEY_WITHOUT_INDEX("GRAFT-L206", Severity.ERROR, "unique or primary key built under a write lock"),
    EXCLUSIVE_REWRITE("GRAFT-L207", Severity.ERROR, "statement takes an exclusive lock for a rewrite"),
    REFRESH_WITHOUT_CONCURRENTLY("GRAFT-L208", Severity.WARNING, "refresh blocks readers"),
    UNBATCHED_UPDATE("GRAFT-L209", Severity.WARNING, "whole-table update in one transaction");

    /** How serious a finding is. */
    public enum Severity {
        /** Worth a look; does not fail verification. */
        WARNING,
        /** Fails the lint check. */
        ERROR
    }

    private final String code;
    private final Severity severity;
    private final String title;

    LintRule(String code, Severity severity, String title) {
        this.code = code;
        this.severity = severity;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    /** A short lower-case title. */
    public String title() {
        return title;
    }
}
