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
