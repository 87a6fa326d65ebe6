package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code change_column_type: {table, column, type, up, down, default, on_conflict, backfill}}:
 * the expand adds a shadow column of the new type, backfills it with {@code up} and keeps both
 * in sync ({@code down} computes the old from the new); the contract drops the old column and
 * renames the shadow into place. {@code default} replaces a default not valid for the new type.
 *
 * @param location     where the refactoring is written
 * @param table        the table
 * @param column       the column
 * @param type         the new type
 * @param up           old value to new, deterministic
 * @param down         new value to old, deterministic
 * @param defaultValue the default under the new type, if the old one does not fit
 * @param onConflict   what the trigger does when both shapes are written with different values
 * @param backfill     batching of the backfill
 */
public record ChangeColumnType(Location location, TableName table, String column, String type, Expression up,
        Expression down, Optional<Expression> defaultValue, OnConflict onConflict, Optional<Backfill> backfill)
        implements Refactoring {

    public ChangeColumnType {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(column, "column == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(up, "up == null");
        Objects.requireNonNull(down, "down == null");
        Objects.requireNonNull(defaultValue, "defaultValue == null");
        Objects.requireNonNull(onConflict, "onConflict == null");
        Objects.requireNonNull(backfill, "backfill == null");
    }

    @Override
    public boolean isTransition() {
        return true;
    }

    static ChangeColumnType read(Fields in) {
        return new ChangeColumnType(in.location(), in.table("table"), in.name("column"), in.type("type"),
                in.expression("up", true), in.expression("down", true), in.optionalExpression("default", false),
                in.choice("on_conflict", OnConflict::parse, RenameColumn.ON_CONFLICT, OnConflict.REJECT),
                in.backfill());
    }

    static void check(ChangeColumnType r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            c.column(t, r.column, c.at("column"));
            c.expression(r.up, r.table, t.columnNames());
            c.expression(r.down, r.table, t.columnNames());
            c.assignable(r.up, "up", r.type, Optional.of(t));
            t.column(r.column).ifPresent(old -> c.assignable(r.down, "down", old.type(),
                    Optional.of(t.withColumnChanged(r.column, col -> col.withType(r.type)))));
            r.defaultValue.ifPresent(d -> {
                c.constant(d, "default");
                c.assignable(d, "default", r.type, Optional.empty());
            });
            c.reshapes(r.table, List.of(r.column), r.location);
            c.rowKey(t, r.location, "change_column_type");
            c.opens(r.table, List.of(r.column));
        });
    }

    /** During the transition the column keeps its old type; the shadow is Graft's own object. */
    @Override
    public SchemaView applyTo(SchemaView before) {
        return before;
    }

    @Override
    public SchemaView contract(SchemaView during) {
        return during.withTableChanged(table, t -> t.withColumnChanged(column, c -> {
            var changed = c.withType(type);
            return defaultValue.isPresent() ? changed.withDefault(defaultValue.map(Expression::sql)) : changed;
        }));
    }

    static YamlOut write(ChangeColumnType r) {
        YamlOut out = YamlOut.map().put("table", r.table.toString()).put("column", r.column).put("type", r.type)
                .put("up", r.up).put("down", r.down).putExpression("default", r.defaultValue);
        if (r.onConflict != OnConflict.REJECT) {
            out.put("on_conflict", r.onConflict.yaml());
        }
        return Backfill.write(out, r.backfill);
    }
}
