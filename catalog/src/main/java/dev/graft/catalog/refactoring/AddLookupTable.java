package dev.graft.catalog.refactoring;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.ConstraintNames;
import dev.graft.catalog.ForeignKeyView;
import dev.graft.catalog.KeyView;
import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code add_lookup_table: {table, column, lookup: {table, value, key}, replace}}: the distinct
 * non-null values of {@code table.column} become the rows of a new reference table, and
 * {@code table.column} gets a foreign key to it. The lookup table's {@code value} column (default:
 * the code column's name) holds the codes; its primary key is the code itself, or, when
 * {@code key} names another column, a {@code bigint} identity column with the codes unique.
 * A trigger on {@code table} adds a code not yet in the lookup table before the foreign key is
 * checked, so writers that know nothing of the lookup table keep working.
 * {@code replace: true} (the code replaced by the key, a transition) is not supported yet.
 *
 * @param location where the refactoring is written
 * @param table    the table holding the codes
 * @param column   the code column
 * @param lookup   the new reference table
 * @param value    the lookup table's code column
 * @param key      the lookup table's primary key column (equal to {@code value}: the code itself)
 * @param replace  whether the code column is to be replaced by the key
 */
public record AddLookupTable(Location location, TableName table, String column, TableName lookup, String value,
        String key, boolean replace) implements Refactoring {

    public AddLookupTable {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(column, "column == null");
        Objects.requireNonNull(lookup, "lookup == null");
        Objects.requireNonNull(value, "value == null");
        Objects.requireNonNull(key, "key == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    /** Whether the lookup table is keyed by a surrogate identity column rather than the code. */
    public boolean surrogateKey() {
        return !key.equals(value);
    }

    /** The foreign key's name: {@code <table>_<column>_fkey}. */
    public String constraintName() {
        return ConstraintNames.of(table.name(), List.of(column), "fkey");
    }

    /** The lookup table's primary key name. */
    public String primaryKeyName() {
        return ConstraintNames.primaryKey(lookup.name());
    }

    /** The unique constraint on the codes when the key is a surrogate. */
    public String uniqueName() {
        return ConstraintNames.of(lookup.name(), List.of(value), "key");
    }

    static AddLookupTable read(Fields in) {
        TableName table = in.table("table");
        String column = in.name("column");
        Optional<LookupFields> l = in.object("lookup", LookupFields::read);
        TableName lookup = l.map(LookupFields::table).orElse(TableName.of(""));
        String value = l.flatMap(LookupFields::value).orElse(column);
        String key = l.flatMap(LookupFields::key).orElse(value);
        return new AddLookupTable(in.location(), table, column, lookup, value, key, in.flag("replace", false));
    }

    /** The {@code lookup} object as written. */
    record LookupFields(TableName table, Optional<String> value, Optional<String> key) {
        static LookupFields read(Fields in) {
            return new LookupFields(in.table("table"), in.optionalName("value"), in.optionalName("key"));
        }
    }

    static void check(AddLookupTable r, Checks c) {
        if (r.replace) {
            c.report(c.at("replace"), ProblemCode.LOOKUP_REPLACE_UNSUPPORTED,
                    "add_lookup_table with replace: true is not supported yet; write replace: false");
        }
        c.table(r.table, c.at("table")).ifPresent(t -> {
            c.column(t, r.column, c.at("column"));
            c.reshapes(r.table, List.of(r.column), r.location);
        });
        c.absentTable(r.lookup, c.at("lookup"));
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        Optional<ColumnView> code = before.table(table).flatMap(t -> t.column(column));
        if (code.isEmpty() || before.table(lookup).isPresent()) {
            return before;
        }
        String type = code.get().type();
        TableView reference = surrogateKey()
                ? TableView.of(lookup, List.of(new ColumnView(key, "bigint", false, Optional.empty(),
                        Optional.of("always"), Optional.empty()), new ColumnView(value, type, false, Optional.empty())))
                        .withPrimaryKey(List.of(key)).withUniqueKey(new KeyView(uniqueName(), List.of(value)))
                : TableView.of(lookup, List.of(new ColumnView(value, type, false, Optional.empty())))
                        .withPrimaryKey(List.of(value));
        return before.withTable(reference).withTableChanged(table, t -> t.withForeignKey(new ForeignKeyView(
                constraintName(), List.of(column), lookup, List.of(value), ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION)));
    }

    static YamlOut write(AddLookupTable r) {
        YamlOut l = YamlOut.map().put("table", r.lookup.toString());
        if (!r.value.equals(r.column)) {
            l.put("value", r.value);
        }
        if (r.surrogateKey()) {
            l.put("key", r.key);
        }
        YamlOut out = YamlOut.map().put("table", r.table.toString()).put("column", r.column).put("lookup", l);
        if (r.replace) {
            out.put("replace", true);
        }
        return out;
    }
}
