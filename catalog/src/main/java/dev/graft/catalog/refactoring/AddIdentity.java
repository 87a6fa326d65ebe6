package dev.graft.catalog.refactoring;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code add_identity: {table, column, generated, sequence: {start, increment, minvalue,
 * maxvalue, cache, cycle}}}: an existing NOT NULL integer column without a default becomes an
 * identity. Its sequence starts after the values the column already holds (at {@code start} or
 * later), so new rows never collide with old ones. {@code generated} is {@code by_default}
 * unless written: writers that still give the column a value keep working.
 *
 * @param location  where the refactoring is written
 * @param table     the table
 * @param column    the column
 * @param generated always or by default
 * @param sequence  the identity sequence's options
 */
public record AddIdentity(Location location, TableName table, String column, Generated generated,
        SequenceOptions sequence) implements Refactoring {

    /** When the identity fills the column: {@code GENERATED ALWAYS} or {@code BY DEFAULT}. */
    public enum Generated {
        ALWAYS, BY_DEFAULT;

        /** The catalog spelling: {@code by_default}. */
        public String yaml() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The SQL spelling, as {@code ColumnView.identity()} holds it: {@code by default}. */
        public String sql() {
            return yaml().replace('_', ' ');
        }

        static Optional<Generated> parse(String text) {
            String t = text.trim().replaceAll("\\s+", "_");
            return Arrays.stream(values()).filter(g -> g.yaml().equalsIgnoreCase(t)).findFirst();
        }
    }

    static final List<String> GENERATED = Arrays.stream(Generated.values()).map(Generated::yaml).toList();

    public AddIdentity {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(column, "column == null");
        Objects.requireNonNull(generated, "generated == null");
        Objects.requireNonNull(sequence, "sequence == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static AddIdentity read(Fields in) {
        return new AddIdentity(in.location(), in.table("table"), in.name("column"),
                in.choice("generated", Generated::parse, GENERATED, Generated.BY_DEFAULT),
                in.optionalObject("sequence", SequenceOptions::read).orElse(SequenceOptions.DEFAULTS));
    }

    static void check(AddIdentity r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            if (!c.column(t, r.column, c.at("column"))) {
                return;
            }
            c.reshapes(r.table, List.of(r.column), r.location);
            ColumnView col = t.column(r.column).orElseThrow();
            String what = "column \"" + r.column + "\" of table \"" + r.table + "\"";
            Optional<String> why = whyNot(t, col);
            why.ifPresent(w -> c.report(c.at("column"), ProblemCode.IDENTITY_COLUMN, what + " " + w));
            if (why.isEmpty() && !ColumnProperties.integer(col)) {
                c.report(c.at("column"), ProblemCode.IDENTITY_TYPE, what + " is of type " + col.type()
                        + ": an identity needs smallint, integer or bigint");
            }
        });
    }

    private static Optional<String> whyNot(TableView t, ColumnView col) {
        if (ColumnProperties.identity(col).isPresent()) {
            return Optional.of("is already an identity column");
        }
        if (ColumnProperties.generated(col)) {
            return Optional.of("is a generated column");
        }
        if (ColumnProperties.hasDefault(col)) {
            return Optional.of("has a default (" + col.defaultValue().orElse("its serial sequence")
                    + "): drop_default first, an identity takes the place of a default");
        }
        if (col.nullable() && !t.primaryKey().contains(col.name())) {
            return Optional.of("is nullable, and an identity column must be NOT NULL: make_column_not_null first");
        }
        return Optional.empty();
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.withTableChanged(table, t -> t.withColumnChanged(column,
                c -> c.withNullable(false).withIdentity(Optional.of(generated.sql()))));
    }

    static YamlOut write(AddIdentity r) {
        YamlOut out = YamlOut.map().put("table", r.table.toString()).put("column", r.column)
                .put("generated", r.generated.yaml());
        return r.sequence.equals(SequenceOptions.DEFAULTS) ? out : out.put("sequence", r.sequence.write());
    }
}
