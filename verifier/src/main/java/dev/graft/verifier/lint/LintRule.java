package dev.graft.verifier.lint;

import java.util.Locale;

/**
 * Every lint rule, with its stable code, severity, hazard family and whether it runs unless asked.
 * Each has a page in {@code docs/lint-rules.md} (a bad example, why, the rewrite), linked from its
 * findings by {@link #docs()}.
 */
public enum LintRule {
    UNPARSEABLE("GRAFT-L001", Severity.WARNING, Family.PARSING, "statement not understood"),

    CREATE_WITHOUT_IF_NOT_EXISTS("GRAFT-L101", Severity.ERROR, Family.IDEMPOTENCY, "create without if not exists"),
    DROP_WITHOUT_IF_EXISTS("GRAFT-L102", Severity.ERROR, Family.IDEMPOTENCY, "drop without if exists"),
    ADD_COLUMN_WITHOUT_IF_NOT_EXISTS("GRAFT-L103", Severity.ERROR, Family.IDEMPOTENCY, "add column without if not exists"),
    INSERT_WITHOUT_ON_CONFLICT("GRAFT-L104", Severity.ERROR, Family.IDEMPOTENCY, "insert without on conflict"),
    CREATE_WITHOUT_OR_REPLACE("GRAFT-L105", Severity.ERROR, Family.IDEMPOTENCY, "create without or replace"),
    UNGUARDED_RENAME("GRAFT-L106", Severity.ERROR, Family.IDEMPOTENCY, "rename without a guard"),
    UNGUARDED_ADD_CONSTRAINT("GRAFT-L107", Severity.ERROR, Family.IDEMPOTENCY, "add constraint without a guard"),
    UNGUARDED_CREATE_TYPE("GRAFT-L108", Severity.ERROR, Family.IDEMPOTENCY, "create type without a guard"),
    /**
     * Only with a schema: an insert into a table that has no key repeats its rows on a second run,
     * and {@code ON CONFLICT} cannot stop it. A warning: log rows may be meant to repeat, and the
     * reapply check sees the duplicates when they are not.
     */
    INSERT_WITHOUT_GUARD("GRAFT-L109", Severity.WARNING, Family.IDEMPOTENCY, "insert into a table without a key"),
    ENUM_VALUE_WITHOUT_IF_NOT_EXISTS("GRAFT-L110", Severity.ERROR, Family.IDEMPOTENCY, "enum value added without if not exists"),

    INDEX_WITHOUT_CONCURRENTLY("GRAFT-L201", Severity.ERROR, Family.LOCKS, "index built under a write lock"),
    COLUMN_TYPE_REWRITE("GRAFT-L202", Severity.ERROR, Family.LOCKS, "column type change rewrites the table"),
    CONSTRAINT_WITHOUT_NOT_VALID("GRAFT-L203", Severity.ERROR, Family.LOCKS, "constraint validated under a write lock"),
    SET_NOT_NULL_WITHOUT_CHECK("GRAFT-L204", Severity.ERROR, Family.LOCKS, "set not null scans under an exclusive lock"),
    VOLATILE_DEFAULT("GRAFT-L205", Severity.ERROR, Family.LOCKS, "volatile default rewrites the table"),
    KEY_WITHOUT_INDEX("GRAFT-L206", Severity.ERROR, Family.LOCKS, "unique, primary or exclusion key built under a write lock"),
    EXCLUSIVE_REWRITE("GRAFT-L207", Severity.ERROR, Family.LOCKS, "statement takes an exclusive lock for a rewrite"),
    REFRESH_WITHOUT_CONCURRENTLY("GRAFT-L208", Severity.WARNING, Family.LOCKS, "refresh blocks readers"),
    UNBATCHED_UPDATE("GRAFT-L209", Severity.WARNING, Family.LOCKS, "whole-table update in one transaction"),
    STORED_GENERATED_COLUMN("GRAFT-L210", Severity.ERROR, Family.LOCKS, "stored generated column rewrites the table"),
    SERIAL_COLUMN_ADDED("GRAFT-L211", Severity.ERROR, Family.LOCKS, "serial or identity column rewrites the table"),
    DROP_INDEX_WITHOUT_CONCURRENTLY("GRAFT-L212", Severity.ERROR, Family.LOCKS, "index dropped under an exclusive lock"),
    DETACH_WITHOUT_CONCURRENTLY("GRAFT-L213", Severity.ERROR, Family.LOCKS, "partition detached under an exclusive lock"),
    REINDEX_WITHOUT_CONCURRENTLY("GRAFT-L214", Severity.ERROR, Family.LOCKS, "reindex under an exclusive lock"),
    MISSING_TIMEOUTS("GRAFT-L215", Severity.WARNING, Family.LOCKS, "lock taken without lock_timeout and statement_timeout"),

    CONCURRENTLY_IN_TRANSACTION("GRAFT-L301", Severity.ERROR, Family.TRANSACTION, "concurrently inside a transaction"),
    VALIDATE_IN_SAME_TRANSACTION("GRAFT-L302", Severity.ERROR, Family.TRANSACTION, "validate in the transaction that added the constraint"),
    TRANSACTION_CONTROL("GRAFT-L303", Severity.ERROR, Family.TRANSACTION, "transaction control in a Flyway migration"),

    DROP_COLUMN("GRAFT-L401", Severity.WARNING, Family.BREAKING, "drop column breaks the running version"),
    DROP_TABLE("GRAFT-L402", Severity.WARNING, Family.BREAKING, "drop table breaks the running version"),
    RENAME("GRAFT-L403", Severity.WARNING, Family.BREAKING, "rename breaks the running version"),
    DROP_NOT_NULL("GRAFT-L404", Severity.WARNING, Family.BREAKING, "drop not null surprises the running version"),

    DOMAIN_CONSTRAINT("GRAFT-L501", Severity.WARNING, Family.TYPES, "domain check constraint"),
    INT_KEY("GRAFT-L511", Severity.WARNING, Family.STYLE, "32-bit or 16-bit key"),
    SERIAL_OVER_IDENTITY("GRAFT-L512", Severity.WARNING, Family.STYLE, "serial where identity is meant"),
    VARCHAR_LENGTH("GRAFT-L513", Severity.WARNING, Family.STYLE, "varchar(n) where text is meant"),
    CHAR_COLUMN("GRAFT-L514", Severity.WARNING, Family.STYLE, "char(n) column"),
    TIMESTAMP_WITHOUT_TIME_ZONE("GRAFT-L515", Severity.WARNING, Family.STYLE, "timestamp without time zone"),
    LONG_IDENTIFIER("GRAFT-L516", Severity.WARNING, Family.STYLE, "identifier longer than 63 bytes"),

    NOT_NULL_WITHOUT_DEFAULT("GRAFT-L601", Severity.ERROR, Family.FAILS, "not null column without a default"),
    DUPLICATE_ASSIGNMENT("GRAFT-L602", Severity.ERROR, Family.FAILS, "column assigned twice"),
    DROP_DATABASE("GRAFT-L603", Severity.ERROR, Family.FAILS, "drop database"),
    TRUNCATE_CASCADE("GRAFT-L604", Severity.ERROR, Family.FAILS, "truncate cascade");

    /** How serious a finding is. */
    public enum Severity {
        /** Worth a look; does not fail verification. */
        WARNING,
        /** Fails the lint check. */
        ERROR
    }

    /** The hazard a rule guards against; {@link #STYLE} rules run only when asked for. */
    public enum Family {
        PARSING, IDEMPOTENCY, LOCKS, TRANSACTION, BREAKING, TYPES, STYLE, FAILS
    }

    /** Where the rule pages live, relative to the repository. */
    public static final String DOCS = "docs/lint-rules.md";

    private final String code;
    private final Severity severity;
    private final Family family;
    private final String title;

    LintRule(String code, Severity severity, Family family, String title) {
        this.code = code;
        this.severity = severity;
        this.family = family;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    public Family family() {
        return family;
    }

    /** A short lower-case title. */
    public String title() {
        return title;
    }

    /** Whether the rule runs without being asked for: every rule but the style rules. */
    public boolean onByDefault() {
        return family != Family.STYLE;
    }

    /** {@code docs/lint-rules.md#graft-l201}: the rule's page. */
    public String docs() {
        return DOCS + "#" + code.toLowerCase(Locale.ROOT);
    }

    /** The rule of a code, with or without its {@code GRAFT-} prefix, in any case. */
    public static java.util.Optional<LintRule> ofCode(String code) {
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        String full = wanted.startsWith("GRAFT-") ? wanted : "GRAFT-" + wanted;
        for (LintRule rule : values()) {
            if (rule.code.equals(full)) {
                return java.util.Optional.of(rule);
            }
        }
        return java.util.Optional.empty();
    }
}
