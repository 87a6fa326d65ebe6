package dev.graft.verifier.lint;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What lint needs to know about one statement, independent of the parser that read it.
 *
 * @param kind        what the statement does
 * @param object      the table (or index, view, type, ...) it is about, as written
 * @param flags       the words that change its meaning ({@code IF NOT EXISTS}, {@code CONCURRENTLY}, ...)
 * @param onTable     for an index: the table it is built on; for {@code DROP TABLE}: the table
 * @param actions     for {@code ALTER TABLE}: its actions in order
 * @param parts       for {@code CREATE TABLE}: its column and constraint definitions; for an insert or
 *                    update: the columns it sets, in order
 * @param problem     why the statement could not be read, for {@link Kind#UNPARSEABLE}
 * @param guardedForm for an insert of one row of values: the same insert as {@code INSERT ... SELECT ... WHERE
 *                    NOT EXISTS}, matching the row on the columns it sets to constants
 */
record StatementFacts(Kind kind, String object, Set<Flag> flags, String onTable, List<AlterAction> actions,
        List<String> parts, Optional<String> problem, Optional<String> guardedForm) {

    /** What a statement does. */
    enum Kind {
        CREATE_TABLE, CREATE_INDEX, CREATE_VIEW, CREATE_MATERIALIZED_VIEW, CREATE_FUNCTION, CREATE_TRIGGER,
        CREATE_SEQUENCE, CREATE_SCHEMA, CREATE_TYPE, CREATE_EXTENSION, CREATE_DOMAIN, ALTER_DOMAIN, ALTER_ENUM,
        DROP, ALTER_TABLE, INSERT, UPDATE, REFRESH, REINDEX, TRUNCATE, TRANSACTION_CONTROL, SETTING,
        EXCLUSIVE_REWRITE, DO_BLOCK, OTHER, UNPARSEABLE
    }

    /** A word that changes what a statement does. */
    enum Flag {
        IF_EXISTS, IF_NOT_EXISTS, OR_REPLACE, CONCURRENTLY,
        /** A unique index, or a table created with a primary key, unique or exclusion constraint. */
        UNIQUE,
        /** An insert or update that guards itself: {@code ON CONFLICT}, {@code WHERE NOT EXISTS}, a {@code WHERE}. */
        GUARDED,
        CASCADE,
        /** A domain with, or given, a {@code CHECK} constraint. */
        CHECK,
        NOT_VALID
    }

    StatementFacts {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(object, "object == null");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(flags);
        Objects.requireNonNull(onTable, "onTable == null");
        actions = List.copyOf(actions);
        parts = List.copyOf(parts);
        Objects.requireNonNull(problem, "problem == null");
        Objects.requireNonNull(guardedForm, "guardedForm == null");
    }

    static StatementFacts of(Kind kind, String object) {
        return new StatementFacts(kind, object, Set.of(), "", List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    static StatementFacts unparseable(String problem) {
        return new StatementFacts(Kind.UNPARSEABLE, "", Set.of(), "", List.of(), List.of(), Optional.of(problem),
                Optional.empty());
    }

    boolean has(Flag flag) {
        return flags.contains(flag);
    }

    /** The same facts with {@code flag} set when {@code set} is true. */
    StatementFacts flag(Flag flag, boolean set) {
        if (!set) {
            return this;
        }
        Set<Flag> more = EnumSet.of(flag);
        more.addAll(flags);
        return new StatementFacts(kind, object, more, onTable, actions, parts, problem, guardedForm);
    }

    StatementFacts on(String table) {
        return new StatementFacts(kind, object, flags, table, actions, parts, problem, guardedForm);
    }

    StatementFacts withActions(List<AlterAction> alterActions) {
        return new StatementFacts(kind, object, flags, onTable, alterActions, parts, problem, guardedForm);
    }

    StatementFacts withParts(List<String> statementParts) {
        return new StatementFacts(kind, object, flags, onTable, actions, statementParts, problem, guardedForm);
    }

    StatementFacts guardable(Optional<String> form) {
        return new StatementFacts(kind, object, flags, onTable, actions, parts, problem, form);
    }

    /**
     * One action of an {@code ALTER TABLE}.
     *
     * @param kind       what it does
     * @param name       the column, the constraint's name (empty when unnamed), or the partition
     * @param ifGuard    {@code IF NOT EXISTS} / {@code IF EXISTS} was written
     * @param constraint for a constraint: {@code FOREIGN KEY}, {@code CHECK}, {@code UNIQUE}, {@code PRIMARY KEY},
     *                   {@code EXCLUDE}, or {@code USING INDEX} for a key over an index built before; for a
     *                   column: the {@code UNIQUE}, {@code PRIMARY KEY} or {@code EXCLUDE} it is declared with;
     *                   for a rename: {@code COLUMN}, {@code TABLE} or {@code CONSTRAINT}; for a detach:
     *                   {@code CONCURRENTLY} or {@code FINALIZE} when written
     * @param notValid   {@code NOT VALID} was written
     * @param text       the action as written, on one line
     */
    record AlterAction(ActionKind kind, String name, boolean ifGuard, String constraint, boolean notValid,
            String text) {

        AlterAction {
            Objects.requireNonNull(kind, "kind == null");
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(constraint, "constraint == null");
            Objects.requireNonNull(text, "text == null");
        }
    }

    /** What an {@code ALTER TABLE} action does. */
    enum ActionKind {
        ADD_COLUMN, ALTER_TYPE, SET_NOT_NULL, DROP_NOT_NULL, ADD_CONSTRAINT, VALIDATE, RENAME, DROP_COLUMN,
        DROP_CONSTRAINT, DETACH, OTHER
    }
}
