package dev.graft.catalog.refactoring;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code introduce_calculated_column: {table, column, type, expression, stored, backfill}}: a
 * column whose value is always {@code expression} over the rest of the row (Refactoring
 * Databases' Introduce Calculated Column). {@code stored: trigger} (the default) adds it bare, keeps
 * it by a BEFORE trigger and backfills existing rows online in key batches; {@code stored:
 * generated} is PostgreSQL's {@code GENERATED ALWAYS AS (...) STORED}, which rewrites the whole
 * table under an ACCESS EXCLUSIVE lock: for small tables. Not a transition.
 *
 * <pre>{@code
 * - introduce_calculated_column:
 *     table: order_line
 *     column: line_total
 *     type: "numeric(12,2)"
 *     expression: "quantity * unit_price"
 * }</pre>
 *
 * @param location   where the refactoring is written
 * @param table      the table
 * @param column     the new column
 * @param type       its type
 * @param expression its value over the row (deterministic)
 * @param stored     how it is kept
 * @param backfill   batching of the trigger form's backfill
 */
public record IntroduceCalculatedColumn(Location location, TableName table, String column, String type,
        Expression expression, Stored stored, Optional<Backfill> backfill) implements Refactoring {

    /** How the value is kept. */
    public enum Stored {
        /** A BEFORE INSERT OR UPDATE trigger, existing rows backfilled online. */
        TRIGGER,
        /** A stored generated column: one statement, a table rewrite. */
        GENERATED;

        /** {@code trigger}. */
        public String yaml() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Stored> parse(String text) {
            return Arrays.stream(values()).filter(v -> v.yaml().equalsIgnoreCase(text.trim())).findFirst();
        }
    }

    static final List<String> STORED = Arrays.stream(Stored.values()).map(Stored::yaml).toList();

    public IntroduceCalculatedColumn {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(column, "column == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(expression, "expression == null");
        Objects.requireNonNull(stored, "stored == null");
        Objects.requireNonNull(backfill, "backfill == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static IntroduceCalculatedColumn read(Fields in) {
        TableName table = in.table("table");
        String column = in.name("column");
        String type = in.columnType("type");
        Expression expression = in.expression("expression", true);
        Stored stored = in.choice("stored", Stored::parse, STORED, Stored.TRIGGER);
        Optional<Backfill> backfill = in.backfill();
        return new IntroduceCalculatedColumn(in.location(), table, column, type, expression, stored, backfill);
    }

    static void check(IntroduceCalculatedColumn r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            c.absentColumn(t, r.column, c.at("column"));
            c.expression(r.expression, r.table, t.columnNames());
            c.assignable(r.expression, "expression", r.type, Optional.of(t));
            c.reshapes(r.table, List.of(), r.location);
            if (r.stored == Stored.TRIGGER) {
                c.rowKey(t, r.location, "introduce_calculated_column");
            }
        });
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.withTableChanged(table, t -> t.hasColumn(column) ? t : t.withColumn(new ColumnView(column, type, true,
                Optional.empty(), Optional.empty(),
                stored == Stored.GENERATED ? Optional.of(expression.sql()) : Optional.empty())));
    }

    static YamlOut write(IntroduceCalculatedColumn r) {
        YamlOut out = YamlOut.map().put("table", r.table.toString()).put("column", r.column).put("type", r.type)
                .put("expression", r.expression);
        if (r.stored != Stored.TRIGGER) {
            out.put("stored", r.stored.yaml());
        }
        return Backfill.write(out, r.backfill);
    }
}
