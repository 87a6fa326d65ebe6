package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.list;
import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;

import dev.graft.catalog.refactoring.IndexElement;
import dev.graft.catalog.refactoring.IndexOptions;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What follows {@code ON table} in a {@code CREATE INDEX}, up to its {@code WHERE}: method,
 * entries, {@code INCLUDE}, {@code NULLS NOT DISTINCT}, {@code WITH (...)}, {@code TABLESPACE}.
 * Written by create_index and again by change_column_type's rebuild, so both build the same index.
 */
final class IndexClauses {

    private IndexClauses() { }

    /** {@code ("a", "b")}, {@code ((lower(x)))}, or {@code USING gin ("tags" "jsonb_path_ops") WITH (...)}. */
    static String on(IndexOptions o) {
        StringBuilder sql = new StringBuilder();
        o.method().ifPresent(m -> sql.append("USING ").append(m).append(' '));
        sql.append(o.elements().stream().map(IndexClauses::element).collect(Collectors.joining(", ", "(", ")")));
        if (!o.include().isEmpty()) {
            sql.append(" INCLUDE (").append(list(o.include())).append(')');
        }
        if (o.nullsNotDistinct()) {
            sql.append(" NULLS NOT DISTINCT");
        }
        if (!o.storageParameters().isEmpty()) {
            sql.append(o.storageParameters().entrySet().stream().map(e -> quote(e.getKey()) + " = "
                    + literal(e.getValue())).collect(Collectors.joining(", ", " WITH (", ")")));
        }
        o.tablespace().ifPresent(t -> sql.append(" TABLESPACE ").append(quote(t)));
        return sql.toString();
    }

    private static String element(IndexElement e) {
        StringBuilder sql = new StringBuilder(e.column().map(c -> quote(c))
                .orElseGet(() -> "(" + e.expression().orElseThrow().sql() + ")"));
        e.collation().ifPresent(c -> sql.append(" COLLATE ").append(quote(c)));
        e.opclass().ifPresent(c -> sql.append(' ').append(quote(c)));
        e.sort().ifPresent(s -> sql.append(' ').append(s.toUpperCase(Locale.ROOT)));
        e.nulls().ifPresent(n -> sql.append(" NULLS ").append(n.toUpperCase(Locale.ROOT)));
        return sql.toString();
    }
}
