package dev.graft.verifier.effects;

import java.util.List;
import java.util.Objects;

/**
 * Rows of one table (and column) a migration changed.
 *
 * @param table     the qualified table, {@code public.orders}
 * @param column    the column whose value changed or was filled; empty for deleted or inserted rows
 * @param kind      what happened to the rows
 * @param rows      how many rows
 * @param firstKeys the primary keys of the first rows, in key order (at most {@link #KEYS_SHOWN})
 * @param cause     the catalog refactoring and policy that made the change ({@code orphans: nullify
 *                  (add_foreign_key orders.customer_id)}), or {@code the migration} when none is known
 */
public record RowEffect(String table, String column, Kind kind, long rows, List<String> firstKeys, String cause) {

    /** How many keys an effect names. */
    public static final int KEYS_SHOWN = 5;

    /** What happened to the rows. */
    public enum Kind {
        /** An existing column's value changed ({@code orphans: nullify}, {@code default_for_nulls}, an update). */
        UPDATED("changed"),
        /** A column the migration added was given a value (a backfill or a default). */
        FILLED("filled"),
        /** Rows removed ({@code orphans: delete}). */
        DELETED("deleted"),
        /** Rows added ({@code insert_data}). */
        INSERTED("inserted");

        private final String verb;

        Kind(String verb) {
            this.verb = verb;
        }

        /** As reports say it: {@code changed}. */
        public String verb() {
            return verb;
        }
    }

    public RowEffect {
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(column, "column == null");
        Objects.requireNonNull(kind, "kind == null");
        firstKeys = List.copyOf(firstKeys);
        Objects.requireNonNull(cause, "cause == null");
    }

    /** {@code public.orders.customer_id: 3 rows changed by orphans: nullify (...); first keys 4, 7, 9}. */
    public String line() {
        return table + (column.isEmpty() ? "" : "." + column) + ": " + rows + " row" + (rows == 1 ? "" : "s") + " "
                + kind.verb() + " by " + cause + "; first keys " + String.join(", ", firstKeys);
    }
}
