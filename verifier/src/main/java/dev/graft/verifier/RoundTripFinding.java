package dev.graft.verifier;

import java.util.List;
import java.util.Objects;

/**
 * The rows of one transition that do not survive the way to the new shape and back, found by
 * evaluating the catalog's own expressions in PostgreSQL over the existing rows.
 *
 * @param table    the table
 * @param law      the law checked: {@code combine(split(inventory_code)) = inventory_code}
 * @param rows     rows checked
 * @param failures rows that do not round-trip
 * @param examples the first of them (by key)
 * @param generated how many of the rows checked were generated for the check (the table had few)
 * @param nulled   rows among the failures whose new shape is NULL although the old held a value
 */
public record RoundTripFinding(String table, String law, long rows, long failures, List<Example> examples,
        long generated, long nulled) {

    public RoundTripFinding {
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(law, "law == null");
        examples = List.copyOf(examples);
    }

    /** A finding over existing rows only, none of them made NULL. */
    public RoundTripFinding(String table, String law, long rows, long failures, List<Example> examples) {
        this(table, law, rows, failures, examples, 0, 0);
    }

    public boolean holds() {
        return failures == 0;
    }

    /**
     * One row that does not round-trip.
     *
     * @param key        its key, as text: {@code id=7}
     * @param original   the old shape's value(s)
     * @param newShape   the new shape's value(s) computed from them
     * @param roundTrip  the old shape's value(s) computed back from the new
     */
    public record Example(String key, String original, String newShape, String roundTrip) {
        public Example {
            Objects.requireNonNull(key, "key == null");
        }
    }
}
