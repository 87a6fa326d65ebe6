package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code add_column: {table, column, up, backfill}}: a new column; with {@code up} (also spelled
 * {@code from}) existing rows are backfilled and, while the transition is open, rows old writers
 * leave empty are filled. The column's NOT NULL, unique, check and references are added after the
 * backfill, each without a long lock.
 *
 * <pre>{@code
 * - add_column:
 *     table: inventory
 *     column: { name: quantity, type: integer, nullable: false, default: "0" }
 * - add_column:
 *     table: customer
 *     column: { name: email_key, type: text, nullable: false, unique: true }
 *     up: "lower(email)"
 * }</pre>
 *
 * @param location where the refactoring is written
 * @param table    the table
 * @param column   the new column
 * @param from     expression filling existing rows ({@code up}; may be volatile); makes it a transition
 * @param backfill batching of the backfill
 */
public record AddColumn(Location location, TableName table, ColumnDefinition column, Optional<Expression> from,
        Optional<Backfill> backfill) implements Refactoring {

    public AddColumn {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(column, "column == null");
        Objects.requireNonNull(from, "from == null");
        Objects.requireNonNull(backfill, "backfill == null");
    }

    @Override
    public boolean isTransition() {
        return from.isPresent();
    }

    static AddColumn read(Fields in) {
        TableName table = in.table("table");
        Optional<ColumnDefinition> column = in.object("column", ColumnDefinition::read);
        Optional<Expression> up = in.optionalExpression("up", false);
        Optional<Expression> alias = in.optionalExpression("from", false);
        if (up.isPresent() && alias.isPresent()) {
            in.conflict("up", "from");
        }
        Optional<Expression> from = up.or(() -> alias);
        Optional<Backfill> backfill = in.backfill();
        if (backfill.isPresent() && from.isEmpty()) {
            in.needs("backfill", "up");
        }
        return new AddColumn(in.location(), table,
                column.orElse(ColumnDefinition.of(in.location(), "", "")), from, backfill);
    }

    static void check(AddColumn r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            c.absentColumn(t, r.column.name(), r.column.location());
            List<String> row = new ArrayList<>(t.columnNames());
            row.add(r.column.name());
            r.column.check(c, r.table, row);
            r.from.ifPresent(f -> {
                c.expression(f, r.table, t.columnNames());
                String key = f.location().equals(c.at("up")) ? "up" : "from";
                c.assignable(f, key, r.column.type(), Optional.of(t));
                if (r.column.generated().isPresent() || r.column.identity().isPresent()) {
                    c.report(f.location(), ProblemCode.GENERATED_COLUMN, "column \"" + r.column.name()
                            + "\" is " + (r.column.generated().isPresent() ? "generated" : "an identity")
                            + ": PostgreSQL fills it, so it takes no \"up\"");
                }
            });
            c.reshapes(r.table, List.of(), r.location);
            if (r.from.isPresent()) {
                c.rowKey(t, r.location, "add_column");
                c.opens(r.table, List.of(r.column.name()));
            }
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.withTableChanged(table, t -> t.hasColumn(column.name()) ? t
                : CreateTable.withConstraints(t.withColumn(column.view()), column));
    }

    static YamlOut write(AddColumn r) {
        YamlOut out = YamlOut.map().put("table", r.table.toString()).put("column", r.column.write())
                .putExpression("up", r.from);
        return Backfill.write(out, r.backfill);
    }
}
