package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code update_data: {table, set, where, backfill}}: updates the rows matching {@code where}
 * whose values differ from {@code set}, so running it again changes nothing.
 *
 * @param location where the refactoring is written
 * @param table    the table
 * @param set      column to new value, deterministic
 * @param where    which rows
 * @param backfill batching (needs a primary key or unique not-null key)
 */
public record UpdateData(Location location, TableName table, Map<String, Expression> set, Expression where,
        Optional<Backfill> backfill) implements Refactoring {

    public UpdateData {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
        Objects.requireNonNull(where, "where == null");
        Objects.requireNonNull(backfill, "backfill == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static UpdateData read(Fields in) {
        return new UpdateData(in.location(), in.table("table"), in.expressions("set", true),
                in.expression("where", false), in.backfill());
    }

    static void check(UpdateData r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            r.set.forEach((column, value) -> {
                c.column(t, column, value.location());
                c.expression(value, r.table, t.columnNames());
                t.column(column).ifPresent(col -> c.assignable(value, column, col.type(), Optional.of(t)));
            });
            c.expression(r.where, r.table, t.columnNames());
            c.condition(r.where, "where", Optional.of(t));
            if (r.backfill.isPresent()) {
                c.rowKey(t, r.location, "update_data");
            }
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before;
    }

    static YamlOut write(UpdateData r) {
        YamlOut out = YamlOut.map().put("table", r.table.toString()).putExpressions("set", r.set)
                .put("where", r.where);
        return Backfill.write(out, r.backfill);
    }
}
