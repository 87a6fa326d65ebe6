package dev.graft.verifier.effects;

import java.util.List;
import java.util.Objects;

/**
 * The rows that make a statement fail, and the catalog setting that would let it pass.
 *
 * @param table     the qualified table, {@code public.orders}
 * @param rule      what the rows break: {@code not null on qty}, {@code foreign key orders_customer_id_fkey}
 * @param rows      how many rows break it; -1 when they could not be counted
 * @param firstKeys the primary keys of the first of them, in key order
 * @param fix       what to write in the catalog
 */
public record Violation(String table, String rule, long rows, List<String> firstKeys, String fix) {

    public Violation {
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(rule, "rule == null");
        firstKeys = List.copyOf(firstKeys);
        Objects.requireNonNull(fix, "fix == null");
    }

    /** {@code 3 rows of public.orders break foreign key ... (first keys 4, 7, 9); fix: ...}. */
    public String line() {
        String counted = rows < 0 ? "rows of " + table + " break " + rule
                : rows + " row" + (rows == 1 ? "" : "s") + " of " + table + " break" + (rows == 1 ? "s " : " ") + rule
                        + (firstKeys.isEmpty() ? "" : " (first keys " + String.join(", ", firstKeys) + ")");
        return counted + "; in the catalog: " + fix;
    }
}
