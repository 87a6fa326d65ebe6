package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.regclass;

import dev.graft.catalog.refactoring.TableName;

/**
 * The {@code pg_catalog} conditions that guard the column-property refactorings: what a
 * column's default, identity and comment, and a table's replica identity, are right now.
 */
final class ColumnCatalog {

    private ColumnCatalog() { }

    /** The column's row of {@code pg_attribute}, for a condition over {@code a}. */
    private static String attribute(TableName table, String column, String condition) {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_attribute AS a WHERE a.attrelid = " + regclass(table)
                + " AND a.attname = " + literal(column) + " AND NOT a.attisdropped AND " + condition + ")";
    }

    /** The column has a default (a row in {@code pg_attrdef}) and is not a generated column. */
    static String hasDefault(TableName table, String column) {
        return attribute(table, column, "a.attgenerated = '' AND EXISTS (SELECT 1 FROM pg_catalog.pg_attrdef AS d"
                + " WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum)");
    }

    /** The column is NOT NULL. */
    static String notNull(TableName table, String column) {
        return attribute(table, column, "a.attnotnull");
    }

    /** The column is no identity. */
    static String noIdentity(TableName table, String column) {
        return attribute(table, column, "a.attidentity = ''");
    }

    /** The column is an identity ({@code a} always, {@code d} by default). */
    static String identity(TableName table, String column) {
        return attribute(table, column, "a.attidentity <> ''");
    }

    /** The table's {@code relreplident} is not {@code code} ({@code d}, {@code f}, {@code n}, {@code i}). */
    static String replicaIdentityIsNot(TableName table, char code) {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = " + regclass(table)
                + " AND relreplident <> " + literal(String.valueOf(code)) + ")";
    }

    /** The table's replica identity is not the index {@code index} (of the table's schema). */
    static String replicaIndexIsNot(TableName table, String index) {
        return "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class AS c JOIN pg_catalog.pg_index AS i ON i.indrelid = c.oid"
                + " WHERE c.oid = " + regclass(table) + " AND c.relreplident = 'i' AND i.indisreplident AND i.indexrelid = "
                + regclass(new TableName(table.schema(), index)) + ")";
    }

    /** The column's comment differs from {@code text} (absent: the column has a comment). */
    static String columnCommentIsNot(TableName table, String column, java.util.Optional<String> text) {
        return "pg_catalog.col_description(" + regclass(table) + ", (SELECT a.attnum FROM pg_catalog.pg_attribute AS a"
                + " WHERE a.attrelid = " + regclass(table) + " AND a.attname = " + literal(column)
                + " AND NOT a.attisdropped)) IS DISTINCT FROM " + text.map(t -> literal(t)).orElse("NULL");
    }

    /** The table's comment differs from {@code text} (absent: the table has a comment). */
    static String tableCommentIsNot(TableName table, java.util.Optional<String> text) {
        return "pg_catalog.obj_description(" + regclass(table) + ", 'pg_class') IS DISTINCT FROM "
                + text.map(t -> literal(t)).orElse("NULL");
    }
}
