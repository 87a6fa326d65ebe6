package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.List;
import java.util.Objects;

/**
 * {@code drop_table: {table}}: the expand changes nothing (old code still reads the table);
 * the contract drops it.
 *
 * @param location where the refactoring is written
 * @param table    the table to drop
 */
public record DropTable(Location location, TableName table) implements Refactoring {

    public DropTable {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
    }

    @Override
    public boolean isTransition() {
        return true;
    }

    static DropTable read(Fields in) {
        return new DropTable(in.location(), in.table("table"));
    }

    static void check(DropTable r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            c.reshapesTable(r.table, r.location);
            c.opensTable(List.of(r.table));
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before;
    }

    @Override
    public SchemaView contract(SchemaView during) {
        return during.withoutTable(table);
    }

    static YamlOut write(DropTable r) {
        return YamlOut.map().put("table", r.table.toString());
    }
}
