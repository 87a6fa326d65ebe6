package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.inSchema;
import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;

import dev.graft.catalog.refactoring.TableName;
import dev.graft.generator.plan.Dollar;
import dev.graft.generator.plan.GraftNames;
import dev.graft.generator.plan.PgCatalog;
import dev.graft.generator.plan.SqlIdentifier;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Column defaults that say they were taken. A BEFORE trigger sees NULL both in a column the
 * writer left out and in one it wrote NULL into; only the default tells them apart. So while a
 * transition is open, each column of both shapes defaults to
 * {@code graft_<v>_<table>_<purpose>_default(<n>, <its default>)}: the function notes column
 * {@code n} in a transaction-local setting ({@code ,2,3,}) and returns the default unchanged; the
 * transition trigger reads and clears the note for each row, so a column noted twice for one row
 * (defaults evaluated again) changes nothing. Column numbers are positions in
 * {@code columns}, from 1.
 *
 * <p>Defaults are evaluated for a row just before its BEFORE triggers fire, so the note belongs to
 * that row. A column whose default cannot be replaced (identity, generated, or a default the
 * catalog does not know, such as {@code serial}'s) keeps it and simply counts as written. A NOT
 * NULL column without a default is not marked: NULL is refused there whether written or left out,
 * so it counts as written when it is not NULL, and a tool probing it sees it as required still.
 *
 * @param table    the table
 * @param name     the function's name
 * @param setting  the transaction-local setting the function writes
 * @param columns  the marked columns, each with the default it must keep giving
 */
record DefaultMarker(TableName table, String name, String setting, List<Marked> columns) {

    /**
     * One column.
     *
     * @param column       its name
     * @param type         the type of its values
     * @param defaultValue its default: as it is (old shape), or as it will be after the contract (new)
     */
    record Marked(String column, String type, Optional<String> defaultValue) {
        Marked {
            Objects.requireNonNull(column, "column == null");
            Objects.requireNonNull(type, "type == null");
            Objects.requireNonNull(defaultValue, "defaultValue == null");
        }
    }

    DefaultMarker {
        Objects.requireNonNull(table, "table == null");
        columns = List.copyOf(columns);
    }

    /** The marker of the transition trigger named {@code purpose}. */
    static DefaultMarker of(GraftNames names, TableName table, String purpose, List<Marked> columns) {
        String name = names.of(table, purpose + "_default");
        return new DefaultMarker(table, name, names.defaultedSetting(table, purpose + "_default"), columns);
    }

    /** {@code "public"."graft_2_stock_qty_sync_default"(integer, anyelement)}. */
    String signature() {
        return inSchema(table, name) + "(integer, anyelement)";
    }

    /**
     * The function and its comment: SQL whose body is one expression, so the planner inlines it
     * into the INSERT's plan (a prepared statement plans it once) instead of calling a function
     * per default taken.
     */
    List<Step> function(GraftNames names) {
        String body = "\nSELECT CASE WHEN pg_catalog.set_config(" + literal(setting) + ", coalesce(nullif("
                + "pg_catalog.current_setting(" + literal(setting) + ", true), ''), ',') || graft_column || ',', true)"
                + " IS NOT NULL THEN graft_value END\n";
        return List.of(
                new Step.Statement("CREATE OR REPLACE FUNCTION " + inSchema(table, name)
                        + "(graft_column integer, graft_value anyelement) RETURNS anyelement LANGUAGE sql AS "
                        + Dollar.quote(body)),
                new Step.Statement("COMMENT ON FUNCTION " + signature() + " IS " + literal(names.comment())));
    }

    /**
     * Each column's default wrapped in the marker: a column with a default in the catalog always
     * (which makes a second run a no-op), one without only while it has none in the database
     * either (so the sequence default of a {@code serial}, unknown to the catalog, is kept).
     */
    List<Step> install() {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Marked c = columns.get(i);
            String condition = c.defaultValue().isPresent()
                    ? PgCatalog.columnTakesDefault(table, c.column()) : PgCatalog.columnWithoutDefault(table, c.column());
            steps.add(new Step.Guarded(condition, "ALTER TABLE " + SqlIdentifier.table(table) + " ALTER COLUMN "
                    + quote(c.column()) + " SET DEFAULT " + marked(i + 1, c)));
        }
        return steps;
    }

    /** Every marked column back to its plain default (or none), then the function dropped. */
    List<Step> remove() {
        List<Step> steps = new ArrayList<>();
        for (Marked c : columns) {
            String alter = "ALTER TABLE " + SqlIdentifier.table(table) + " ALTER COLUMN " + quote(c.column());
            steps.add(new Step.Guarded(PgCatalog.columnDefaultCalls(table, c.column(), signature()),
                    c.defaultValue().map(d -> alter + " SET DEFAULT (" + d + ")").orElse(alter + " DROP DEFAULT")));
        }
        steps.add(new Step.Statement("DROP FUNCTION IF EXISTS " + signature()));
        return steps;
    }

    /** Whether a column of a shape is marked: all but NOT NULL columns without a default. */
    static boolean marks(boolean nullable, Optional<String> defaultValue) {
        return nullable || defaultValue.isPresent();
    }

    /** The trigger's test that the INSERT wrote {@code column}: it did not take its default, or is not NULL. */
    String written(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).column().equals(column)) {
                return "strpos(graft_defaulted, '," + (i + 1) + ",') = 0";
            }
        }
        return "NEW." + quote(column) + " IS NOT NULL";
    }

    private String marked(int number, Marked c) {
        return inSchema(table, name) + "(" + number + ", CAST((" + c.defaultValue().orElse("NULL") + ") AS " + c.type()
                + "))";
    }
}
