package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code rename_column: {table, from, to, on_conflict, backfill}}: the expand adds {@code to},
 * backfills it and keeps both in sync; the contract drops {@code from}.
 *
 * @param location   where the refactoring is written
 * @param table      the table
 * @param from       the current name
 * @param to         the new name
 * @param onConflict what the trigger does when both are written with different values
 * @param backfill   batching of the backfill
 */
public record RenameColumn(Location location, TableName table, String from, String to, OnConflict onConflict,
        Optional<Backfill> backfill) implements Refactoring {

    static final List<String> ON_CONFLICT = Arrays.stream(OnConflict.values()).map(OnConflict::yaml).toList();

    public RenameColumn {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(from, "from == null");
        Objects.requireNonNull(to, "to == null");
        Objects.requireNonNull(onConflict, "onConflict == null");
        Objects.requireNonNull(backfill, "backfill == null");
    }

    @Override
    public boolean isTransition() {
        return true;
    }

    static RenameColumn read(Fields in) {
        return new RenameColumn(in.location(), in.table("table"), in.name("from"), in.name("to"),
                in.choice("on_conflict", OnConflict::parse, ON_CONFLICT, OnConflict.REJECT), in.backfill());
    }

    static void check(RenameColumn r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            c.column(t, r.from, c.at("from"));
            c.absentColumn(t, r.to, c.at("to"));
            c.reshapes(r.table, List.of(r.from, r.to), r.location);
            c.rowKey(t, r.location, "rename_column");
            c.opens(r.table, List.of(r.from, r.to));
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.withTableChanged(table, t -> t.hasColumn(to) ? t
                : t.column(from).map(c -> t.withColumn(c.withName(to))).orElse(t));
    }

    /** As if renamed in place: the new column goes, the old one takes its name and place. */
    @Override
    public SchemaView contract(SchemaView during) {
        return during.withTableChanged(table, t -> t.hasColumn(from)
                ? t.withoutColumn(to).withColumnRenamed(from, to) : t);
    }

    static YamlOut write(RenameColumn r) {
        YamlOut out = YamlOut.map().put("table", r.table.toString()).put("from", r.from).put("to", r.to);
        if (r.onConflict != OnConflict.REJECT) {
            out.put("on_conflict", r.onConflict.yaml());
        }
        return Backfill.write(out, r.backfill);
    }
}
