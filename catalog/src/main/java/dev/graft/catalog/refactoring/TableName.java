package dev.graft.catalog.refactoring;

import java.util.Objects;

/**
 * A table (or view) name, schema-qualified; the default schema is {@code public}. Names are
 * exact PostgreSQL identifiers, case-sensitive; {@code toString()} omits {@code public.}.
 *
 * <pre>{@code
 * TableName.parse("sales.orders");   // TableName[schema=sales, name=orders]
 * TableName.parse("inventory").schema(); // "public"
 * }</pre>
 */
public record TableName(String schema, String name) {

    /** The schema of unqualified names. */
    public static final String DEFAULT_SCHEMA = "public";

    public TableName {
        Objects.requireNonNull(schema, "schema == null");
        Objects.requireNonNull(name, "name == null");
    }

    /** An unqualified name, in schema {@code public}. */
    public static TableName of(String name) {
        return new TableName(DEFAULT_SCHEMA, name);
    }

    /** {@code orders} or {@code sales.orders}: split at the first dot. */
    public static TableName parse(String text) {
        int dot = text.indexOf('.');
        return dot < 0 ? of(text) : new TableName(text.substring(0, dot), text.substring(dot + 1));
    }

    /** The same name in another schema when {@code other} is unqualified. */
    public TableName withName(String newName) {
        return new TableName(schema, newName);
    }

    /** {@code schema.name}, always qualified. */
    public String qualified() {
        return schema + "." + name;
    }

    /** {@code name} in schema {@code public}, else {@code schema.name}; as written in a catalog. */
    @Override
    public String toString() {
        return DEFAULT_SCHEMA.equals(schema) ? name : qualified();
    }
}
