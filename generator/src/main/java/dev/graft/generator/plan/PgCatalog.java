package dev.graft.generator.plan;

import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.regclass;

import dev.graft.catalog.refactoring.TableName;

/** Conditions over {@code pg_catalog} that guard steps: what exists right now. */
public final class PgCatalog {

    private PgCatalog() { }

    /** The table (a plain or partitioned table, not a view) exists. */
    public static String tableExists(TableName table) {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = " + regclass(table)
                + " AND relkind IN ('r', 'p'))";
    }

    /** A column of that name exists on the table. */
    public static String columnExists(TableName table, String column) {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = " + regclass(table)
                + " AND attname = " + literal(column) + " AND NOT attisdropped)";
    }

    /** The column exists and allows NULL. */
    public static String columnNullable(TableName table, String column) {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = " + regclass(table)
                + " AND attname = " + literal(column) + " AND NOT attisdropped AND NOT attnotnull)";
    }

    /** The column exists and may have a default: it is neither an identity nor a generated column. */
    public static String columnTakesDefault(TableName table, String column) {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = " + regclass(table)
                + " AND attname = " + literal(column) + " AND NOT attisdropped AND attidentity = '' AND attgenerated = '')";
    }

    /** The column exists, may have a default, and has none. */
    public static String columnWithoutDefault(TableName table, String column) {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = " + regclass(table)
                + " AND attname = " + literal(column)
                + " AND NOT attisdropped AND NOT atthasdef AND attidentity = '' AND attgenerated = '')";
    }

    /** The column's default calls the function of that signature ({@code "s"."f"(integer)}). */
    public static String columnDefaultCalls(TableName table, String column, String function) {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_attrdef d JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid"
                + " AND a.attnum = d.adnum JOIN pg_catalog.pg_depend p ON p.classid = 'pg_catalog.pg_attrdef'::regclass"
                + " AND p.objid = d.oid WHERE d.adrelid = " + regclass(table) + " AND a.attname = " + literal(column)
                + " AND p.refclassid = 'pg_catalog.pg_proc'::regclass AND p.refobjid = to_regprocedure("
                + literal(function) + "))";
    }

    /** A constraint of that name exists on the table. */
    public static String constraintExists(TableName table, String constraint) {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = " + regclass(table)
                + " AND conname = " + literal(constraint) + ")";
    }

    /** The constraint exists and is not yet validated. */
    public static String constraintNotValidated(TableName table, String constraint) {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = " + regclass(table)
                + " AND conname = " + literal(constraint) + " AND NOT convalidated)";
    }

    /** A trigger of that name exists on the table. */
    public static String triggerExists(TableName table, String trigger) {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_trigger WHERE tgrelid = " + regclass(table)
                + " AND tgname = " + literal(trigger) + ")";
    }

    /** An index of that name in the table's schema exists and is INVALID (a failed concurrent build). */
    public static String indexInvalid(TableName table, String index) {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_index WHERE indexrelid = "
                + regclass(new TableName(table.schema(), index)) + " AND NOT indisvalid)";
    }

    /** Negation. */
    public static String not(String condition) {
        return "NOT " + condition;
    }

    /** Conjunction. */
    public static String and(String a, String b) {
        return a + " AND " + b;
    }
}
