package dev.graft.verifier.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes of part of a shape of two or more columns, the writes a trigger is most easily wrong
 * about: an UPDATE of one column alone (a trigger testing only the first column misses it), an
 * INSERT naming one column alone, and writes of the whole shape with one column NULL and the
 * others not. The whole-shape samples are all NULL or all non-NULL, so none of these is among them.
 * Few values per column: its edge cases and the first {@value #DRAWN} drawn values.
 */
final class PartWrites {

    /** Drawn values per column, after its edge cases, written alone. */
    static final int DRAWN = 4;
    /** Non-NULL whole-shape samples written again with one column NULL, per column. */
    static final int HOLES = 4;

    /**
     * One write of part of a shape.
     *
     * @param columns    the columns written, in shape order
     * @param values     their values ({@link Optional#empty()} is NULL)
     * @param insertable whether it also makes sense as an INSERT (the UPDATE always does)
     */
    record Part(List<String> columns, List<Optional<String>> values, boolean insertable) {

        Part {
            columns = List.copyOf(columns);
            values = List.copyOf(values);
        }
    }

    private PartWrites() {
    }

    /**
     * The writes of part of the shape of {@code columns}; none for a shape of one column. Where a
     * column of either shape is NOT NULL, no NULL is written and nothing is inserted: an INSERT
     * naming part of a shape leaves the rest NULL, which the table refuses in both shapes alike.
     *
     * @param perColumn per column of the shape, its sample values (edge cases first)
     * @param samples   the whole-shape samples
     */
    static List<Part> of(TableFacts facts, Transition t, List<String> columns, List<List<Optional<String>>> perColumn,
            List<List<Optional<String>>> samples) {
        if (columns.size() < 2) {
            return List.of();
        }
        boolean required = t.oldColumns().stream().anyMatch(c -> facts.column(c).required())
                || t.newColumns().stream().anyMatch(c -> facts.column(c).required());
        List<Part> parts = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            TableFacts.Column column = facts.column(columns.get(j));
            List<Optional<String>> values = perColumn.get(j);
            int few = Math.min(values.size(), SampleValues.edgeCases(column).size() + DRAWN);
            // not made distinct: drawn values repeat at random, and the number of writes must not
            for (Optional<String> value : values.subList(0, few)) {
                if (value.isPresent() || !required) {
                    // inserting one column alone as NULL is the all-NULL row again
                    parts.add(new Part(List.of(column.name()), List.of(value), !required && value.isPresent()));
                }
            }
        }
        if (required) {
            return parts;
        }
        List<List<Optional<String>>> full = samples.stream().filter(s -> s.stream().allMatch(Optional::isPresent))
                .limit(HOLES).toList();
        for (int j = 0; j < columns.size(); j++) {
            for (List<Optional<String>> sample : full) {
                List<Optional<String>> holed = new ArrayList<>(sample);
                holed.set(j, Optional.empty());
                parts.add(new Part(columns, holed, true));
            }
        }
        return parts;
    }
}
