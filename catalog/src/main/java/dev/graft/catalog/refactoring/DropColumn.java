package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.PostgresParser;
import dev.graft.catalog.internal.YamlOut;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code drop_column: {table, column, down}}: the expand makes the column optional for new writers
 * (drops NOT NULL, keeps the data); the contract drops it. With {@code down} (an expression over
 * the rest of the row, as pgroll's) the deprecation period keeps the column filled for the old
 * application: rows the new application writes without it get {@code down}, which replaces the
 * column's default until the contract.
 *
 * <pre>{@code
 * - drop_column:
 *     table: customer
 *     column: full_name
 *     down: "first_name || ' ' || last_name"
 * }</pre>
 *
 * @param location where the refactoring is written
 * @param table    the table
 * @param column   the column to drop
 * @param down     its value over the new row while the old application still reads it
 */
public record DropColumn(Location location, TableName table, String column, Optional<Expression> down)
        implements Refactoring {

    public DropColumn {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(column, "column == null");
        Objects.requireNonNull(down, "down == null");
    }

    /** A drop without {@code down}. */
    public DropColumn(Location location, TableName table, String column) {
        this(location, table, column, Optional.empty());
    }

    @Override
    public boolean isTransition() {
        return true;
    }

    static DropColumn read(Fields in) {
        return new DropColumn(in.location(), in.table("table"), in.name("column"), in.optionalExpression("down", true));
    }

    static void check(DropColumn r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            if (c.column(t, r.column, c.at("column"))) {
                r.down.ifPresent(d -> {
                    List<String> row = new ArrayList<>(t.columnNames());
                    row.remove(r.column);
                    if (PostgresParser.expression(d.sql()).columns().stream().anyMatch(x -> x.name().equals(r.column))) {
                        c.report(d.location(), ProblemCode.DOWN_NAMES_ITSELF, "\"down\" names column \"" + r.column
                                + "\", the one it fills: write it over the columns that stay");
                    } else {
                        c.expression(d, r.table, row);
                        c.assignable(d, "down", t.column(r.column).orElseThrow().type(), Optional.of(t));
                    }
                });
            }
            c.reshapes(r.table, List.of(r.column), r.location);
            c.opens(r.table, List.of(r.column));
        });
    }

    /** The columns {@code down} names, in order of first mention; empty without {@code down}. */
    public List<String> downColumns() {
        return down.map(d -> PostgresParser.expression(d.sql()).columns().stream().map(x -> x.name()).distinct().toList())
                .orElse(List.of());
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.withTableChanged(table, t -> t.withColumnChanged(column, c -> down.isPresent()
                ? c.withNullable(true).withDefault(Optional.empty()) : c.withNullable(true)));
    }

    @Override
    public SchemaView contract(SchemaView during) {
        return during.withTableChanged(table, t -> t.withoutColumn(column));
    }

    static YamlOut write(DropColumn r) {
        return YamlOut.map().put("table", r.table.toString()).put("column", r.column).putExpression("down", r.down);
    }
}
