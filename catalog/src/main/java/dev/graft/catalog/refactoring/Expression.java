package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import java.util.Objects;

/**
 * A single PostgreSQL expression over the columns of one row, as written in the catalog
 * (validated: one expression, no statement, no subquery).
 *
 * @param sql      the text as written
 * @param location where it is written
 */
public record Expression(String sql, Location location) {

    public Expression {
        Objects.requireNonNull(sql, "sql == null");
        Objects.requireNonNull(location, "location == null");
    }

    /**
     * A string literal: the one place where text becomes a quoted SQL literal.
     *
     * <pre>{@code Expression.literal("O'Brien", loc).sql(); // 'O''Brien'}</pre>
     */
    public static Expression literal(String text, Location location) {
        return new Expression("'" + text.replace("'", "''") + "'", location);
    }

    @Override
    public String toString() {
        return sql;
    }
}
