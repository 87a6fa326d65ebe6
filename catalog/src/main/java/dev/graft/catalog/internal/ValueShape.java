package dev.graft.catalog.internal;

/**
 * What an expression is at its top, as far as its type can be told without a database: a
 * number, a string literal (PostgreSQL's type "unknown", read by the target type), a condition,
 * NULL, a cast to a named type, a bare column, arithmetic or concatenation (never boolean), or
 * something else.
 *
 * @param form   which of these
 * @param detail the number, the string's value, the cast's type or the column's name; empty otherwise
 */
public record ValueShape(Form form, String detail) {

    /** The kinds of top-level expression whose type is known offline. */
    public enum Form { NUMBER, STRING, CONDITION, NULL, CAST, COLUMN, ARITHMETIC, OTHER }

    static final ValueShape OTHER = new ValueShape(Form.OTHER, "");
}
