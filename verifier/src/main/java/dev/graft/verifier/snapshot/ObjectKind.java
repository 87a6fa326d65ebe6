package dev.graft.verifier.snapshot;

import java.util.Locale;

/** The kinds of schema object a {@link SchemaSnapshot} holds. */
public enum ObjectKind {
    SCHEMA, TABLE, COLUMN, CONSTRAINT, INDEX, TRIGGER, FUNCTION, VIEW, SEQUENCE, TYPE;

    /** Lower case, as reports show it: {@code column}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
