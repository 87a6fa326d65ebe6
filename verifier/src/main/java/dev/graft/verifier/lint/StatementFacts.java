package dev.graft.verifier.lint;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What lint needs to know about one statement, independent of the parser that read it.
 *
 * @param kind         what the statement does
 * @param object       the table (or index, view, function, ...) it is about, as written
 * @param ifExists     {@code IF EXISTS} was written
 * @param ifNotExists  {@code IF NOT EXISTS} was written
 * @param orReplace    {@code OR REPLACE} was written
 * @param concurrently {@code CONCURRENTLY} was written
 * @param unique       a unique index, or a table created with a primary key, unique or exclusion constraint
 * @param guarded      an insert or update that guards itself ({@code ON CONFLICT}, {@code WHERE NOT EXISTS}, a {@code WHERE})
 * @param onTable      for an index: the table it is built on; for {@code DROP TABLE}: the table
 * @param actions      for {@code ALTER TABLE}: its actions in order
 * @param problem      why the statement could not be read, for {@link Kind#UNPARSEABLE}
 * @param guardedForm  for an insert of one row of values: the same insert as {@code INSERT ... SELECT ... WHERE
 *                     NOT EXISTS}, matching the row on the columns it sets to constants
 */
record StatementFacts(Kind kind, String object, boolean ifExists, boolean ifNotExists, boolean orReplace,
        boolean concurrently, boolean unique, boolean guarded, String onTable, List<AlterAction> actions,
        Optional<String> problem, Optional<String> guardedForm) {

    /** What a statement does. */
    enum Kind {
        CREATE_TABLE, CREATE_INDEX, CREATE_VIEW, CREATE_MATERIALIZED_VIEW, CREATE_FUNCTION, CREATE_TRIGGER,
        CREATE_SEQUENCE, CREATE_SCHEMA, CREATE_TYPE, CREATE_EXTENSION, DROP, ALTER_TABLE, INSERT, UPDATE, REFRESH,
        EXCLUSIVE_REWRITE, DO_BLOCK, OTHER, UNPARSEABLE
    }

    StatementFacts {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(object, "object == null");
        Objects.requireNonNull(onTable, "onTable == null");
        actions = List.copyOf(actions);
        Objects.requireNonNull(problem, "problem == null");
        Objects.requireNonNull(guardedForm, "guardedForm == null");
    }

    static StatementFacts of(Kind kind, String object) {
        return new StatementFacts(kind, object, false, false, false, false, false, false, "", List.of(), Optional.empty(),
                Optional.empty());
    }

    static StatementFacts unparseable(String problem) {
        return new StatementFacts(Kind.UNPARSEABLE, "", false, false, false, false, false, false, "", List.of(),
                Optional.of(problem), Optional.empty());
    }

    StatementFacts with(boolean exists, boolean notExists, boolean replace, boolean concurrent) {
        return new StatementFacts(kind, object, exists, notExists, replace, concurrent, unique, guarded, onTable,
                actions, problem, guardedForm);
    }

    StatementFacts guardedBy(boolean isGuarded) {
        return new StatementFacts(kind, object, ifExists, ifNotExists, orReplace, concurrently, unique, isGuarded,
                onTable, actions, problem, guardedForm);
    }

    StatementFacts guardable(Optional<String> form) {
        return new StatementFacts(kind, object, ifExists, ifNotExists, orReplace, concurrently, unique, guarded,
                onTable, actions, problem, form);
    }

    /** The table an index is built on or a drop removes; whether the index or created table is unique. */
    StatementFacts on(String table, boolean isUnique) {
        return new StatementFacts(kind, object, ifExists, ifNotExists, orReplace, concurrently, isUnique, guarded,
                table, actions, problem, guardedForm);
    }

    StatementFacts withActions(List<AlterAction> alterActions) {
        return new StatementFacts(kind, object, ifExists, ifNotExists, orReplace, concurrently, unique, guarded,
                onTable, alterActions, problem, guardedForm);
    }

    /**
     * One action of an {@code ALTER TABLE}.
     *
     * @param kind        what it does
     * @param column      the column, or the constraint's name
     * @param ifGuard     {@code IF NOT EXISTS} / {@code IF EXISTS} was written
     * @param constraint  for a constraint: {@code FOREIGN KEY}, {@code CHECK}, {@code UNIQUE}, {@code PRIMARY KEY},
 *                    {@code EXCLUDE} or {@code USING INDEX}; for a column: the {@code UNIQUE} or
 *                    {@code PRIMARY KEY} it is declared with, if any
     * @param notValid    {@code NOT VALID} was written
     * @param text        the action as the parser prints it
     */
    record AlterAction(ActionKind kind, String column, boolean ifGuard, String constraint, boolean notValid,
            String text) { }

    /** What an {@code ALTER TABLE} action does. */
    enum ActionKind { ADD_COLUMN, ALTER_TYPE, SET_NOT_NULL, ADD_CONSTRAINT, VALIDATE, RENAME, DROP, OTHER }
}
