package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.literal;

import dev.graft.catalog.refactoring.TableName;

/** Conditions over {@code pg_type} and {@code pg_enum} that guard the type refactorings' steps. */
final class TypeCatalog {

    private TypeCatalog() { }

    /** The rows of pg_type named {@code type}, looked up by schema and name (no search path involved). */
    private static String typeRow(TableName type) {
        return "SELECT t.oid FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE n.nspname = " + literal(type.schema()) + " AND t.typname = " + literal(type.name());
    }

    /** The type exists. */
    static String typeExists(TableName type) {
        return "EXISTS (" + typeRow(type) + ")";
    }

    /** The enum has label {@code label}. */
    static String labelExists(TableName type, String label) {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_enum WHERE enumtypid = (" + typeRow(type) + ") AND enumlabel = "
                + literal(label) + ")";
    }
}
