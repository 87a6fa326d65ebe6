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
 */
public record ExpressionFacts(Optional<Rejection> rejection, List<ColumnRef> columns, Set<String> functions,
        boolean subquery) {

    /** Why a text is not a single expression. */
    public enum Rejection { SEMICOLON, STATEMENT_KEYWORD, NOT_AN_EXPRESSION }

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
    }

    static ExpressionFacts rejected(Rejection why) {
        return new ExpressionFacts(Optional.of(why), List.of(), Set.of(), false);
    }
}
