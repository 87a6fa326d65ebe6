package dev.graft.catalog.refactoring;

import dev.graft.catalog.ConstraintNames;
import dev.graft.catalog.IndexView;
import dev.graft.catalog.KeyView;
import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code create_index: {table, columns | expression, unique, where, name}}: CREATE INDEX
 * CONCURRENTLY IF NOT EXISTS; an INVALID leftover is rebuilt.
 *
 * @param location   where the refactoring is written
 * @param table      the table
 * @param columns    indexed columns (empty when {@code expression} is given)
 * @param expression an indexed expression, deterministic
 * @param unique     whether the index is unique
 * @param where      the predicate of a partial index, deterministic
 * @param name       the index name; {@code <table>_<cols>_idx} by default
 */
public record CreateIndex(Location location, TableName table, List<String> columns, Optional<Expression> expression,
        boolean unique, Optional<Expression> where, Optional<String> name) implements Refactoring {

    public CreateIndex {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        columns = List.copyOf(columns);
        Objects.requireNonNull(expression, "expression == null");
        Objects.requireNonNull(where, "where == null");
        Objects.requireNonNull(name, "name == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static CreateIndex read(Fields in) {
        TableName table = in.table("table");
        List<String> columns = in.optionalNames("columns");
        Optional<Expression> expression = in.optionalExpression("expression", true);
        if (columns.isEmpty() == expression.isEmpty()) {
            if (columns.isEmpty()) {
                in.needs("columns", "or \"expression\"");
            } else {
                in.conflict("columns", "expression");
            }
        }
        return new CreateIndex(in.location(), table, columns, expression, in.flag("unique", false),
                in.optionalExpression("where", true), in.optionalName("name"));
    }

    static void check(CreateIndex r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            c.columns(t, r.columns, c.at("columns"));
            r.expression.ifPresent(e -> c.expression(e, r.table, t.columnNames()));
            r.where.ifPresent(w -> {
                c.expression(w, r.table, t.columnNames());
                c.condition(w, "where", Optional.of(t));
            });
        });
    }

    /** The index name: as given, or {@code <table>_<cols>_idx} ({@code <table>_expr_idx}). */
    public String indexName() {
        return name.orElse(ConstraintNames.of(table.name(), columns.isEmpty() ? List.of("expr") : columns, "idx"));
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.withTableChanged(table, t -> {
            TableView indexed = t.withIndex(new IndexView(indexName(), columns, expression.map(Expression::sql),
                    unique, where.map(Expression::sql)));
            boolean key = unique && !columns.isEmpty() && where.isEmpty();
            return key ? indexed.withUniqueKey(new KeyView(indexName(), columns)) : indexed;
        });
    }

    static YamlOut write(CreateIndex r) {
        YamlOut out = YamlOut.map().put("table", r.table.toString());
        if (!r.columns.isEmpty()) {
            out.putNames("columns", r.columns);
        }
        out.putExpression("expression", r.expression);
        if (r.unique) {
            out.put("unique", true);
        }
        return out.putExpression("where", r.where).put("name", r.name);
    }
}
