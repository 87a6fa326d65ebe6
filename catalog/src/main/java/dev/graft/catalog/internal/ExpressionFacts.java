package dev.graft.catalog.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the SQL parser learned about one expression: why it is not a single expression (if it
 * is not), which columns it names, which functions it calls, whether it holds a subquery.
 *
 * @param rejection  why the text is not one expression, if it is not
 * @param columns    the columns named, in order of appearance
 * @param functions  the functions called, lower case, without schema
 * @param subquery   whether a subquery appears
 * @param calls      the functions called without a schema (or in pg_catalog), which PostgreSQL must have
 * @param window     whether a window ({@code over}, {@code filter}, {@code within group}) appears
 * @param shape      what the expression is at its top, for its type
 */
public record ExpressionFacts(Optional<Rejection> rejection, List<ColumnRef> columns, Set<String> functions,
        boolean subquery, Set<String> calls, boolean window, ValueShape shape) {

    /** Why a text is not a single expression. */
    public enum Rejection { EMPTY, SEMICOLON, COMMENT, STATEMENT_KEYWORD, TOO_DEEP, NOT_AN_EXPRESSION }

    /**
     * A column named by an expression.
     *
     * @param qualifier the table or alias before the dot, if any
     * @param name      the column name as PostgreSQL resolves it (unquoted names folded to lower case)
     */
    public record ColumnRef(Optional<String> qualifier, String name) { }

    public ExpressionFacts {
        columns = List.copyOf(columns);
        functions = Set.copyOf(functions);
        calls = Set.copyOf(calls);
    }

    /** Facts without calls or windows (a subquery alone, as the parser reports it). */
    public ExpressionFacts(Optional<Rejection> rejection, List<ColumnRef> columns, Set<String> functions,
            boolean subquery) {
        this(rejection, columns, functions, subquery, Set.of(), false, ValueShape.OTHER);
    }

    static ExpressionFacts rejected(Rejection why) {
        return new ExpressionFacts(Optional.of(why), List.of(), Set.of(), false);
    }
}
