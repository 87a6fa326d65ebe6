package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code make_column_not_null: {table, column, default_for_nulls, backfill}}: a CHECK NOT VALID,
 * existing NULLs replaced by {@code default_for_nulls}, VALIDATE, then SET NOT NULL.
 *
 * @param location        where the refactoring is written
 * @param table           the table
 * @param column          the column
 * @param defaultForNulls the value written into rows where the column is NULL
 * @param backfill        batching of the backfill
 */
public record MakeColumnNotNull(Location location, TableName table, String column,
        Optional<Expression> defaultForNulls, Optional<Backfill> backfill) implements Refactoring {

    public MakeColumnNotNull {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(column, "column == null");
        Objects.requireNonNull(defaultForNulls, "defaultForNulls == null");
        Objects.requireNonNull(backfill, "backfill == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static MakeColumnNotNull read(Fields in) {
        TableName table = in.table("table");
        String column = in.name("column");
        Optional<Expression> defaultForNulls = in.optionalExpression("default_for_nulls", false);
        Optional<Backfill> backfill = in.backfill();
        if (backfill.isPresent() && defaultForNulls.isEmpty()) {
            in.needs("backfill", "default_for_nulls");
        }
        return new MakeColumnNotNull(in.location(), table, column, defaultForNulls, backfill);
    }

    static void check(MakeColumnNotNull r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            if (c.column(t, r.column, c.at("column")) && t.column(r.column).orElseThrow().defaultValue().isEmpty()) {
                c.declaresRequired(r.table, r.column);
            }
            r.defaultForNulls.ifPresent(d -> {
                c.expression(d, r.table, t.columnNames());
                t.column(r.column).ifPresent(col -> c.assignable(d, "default_for_nulls", col.type(), Optional.of(t)));
                c.rowKey(t, r.location, "make_column_not_null");
            });
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.withTableChanged(table, t -> t.withColumnChanged(column, c -> c.withNullable(false)));
    }

    static YamlOut write(MakeColumnNotNull r) {
        YamlOut out = YamlOut.map().put("table", r.table.toString()).put("column", r.column)
                .putExpression("default_for_nulls", r.defaultForNulls);
        return Backfill.write(out, r.backfill);
    }
}
