package dev.graft.verifier.shapes;

import dev.graft.verifier.snapshot.SqlNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Rows drawn for a table that has few or none, so that the round trip and the sync have rows to
 * be proven on: per column, its type's edge cases and then jqwik-drawn values ({@link SampleValues}),
 * no NULL where the column is NOT NULL and, where it may be, NULL in every fourth row (each column
 * in other rows, so that some columns of a shape are NULL and others not), a fresh key; columns
 * with a default are left to it. The
 * rows are inserted one by one through the old shape, as the application writes before the
 * migration (for a drop_column with {@code down}, through the new one: the column on its way out
 * is left to its trigger, as the new application leaves it); PostgreSQL enforces the table's types and constraints (CHECK, UNIQUE, foreign keys),
 * and a row it refuses is dropped and counted.
 */
final class GeneratedRows {

    /** A table with fewer rows than this gets rows generated. */
    static final int FEW = 10;
    private static final int KEYS_SHOWN = 5;
    /** Every how many rows a column that may be NULL is NULL, beyond its edge cases. */
    private static final int HOLES = 4;

    /**
     * The rows generated for one table.
     *
     * @param table    the table
     * @param existing its rows before
     * @param keys     the keys of the rows inserted, as text ({@code id=7}), in order
     * @param refused  rows the table refused
     * @param firstRefusal what PostgreSQL said about the first row it refused
     */
    record Outcome(String table, long existing, List<String> keys, int refused, Optional<String> firstRefusal) {

        Outcome {
            keys = List.copyOf(keys);
        }

        /** {@code inventory had 0 rows: 40 generated (seed 7), keys id=1, id=2, ... id=40; 2 refused: ...}. */
        String describe(long seed) {
            StringBuilder text = new StringBuilder(table).append(" had ").append(existing).append(" row")
                    .append(existing == 1 ? "" : "s").append(": ").append(keys.size()).append(" generated (seed ")
                    .append(seed).append(")");
            if (!keys.isEmpty()) {
                text.append(", keys ").append(String.join(", ", keys.subList(0, Math.min(KEYS_SHOWN, keys.size()))));
                if (keys.size() > KEYS_SHOWN) {
                    text.append(keys.size() > KEYS_SHOWN + 1 ? ", ... " : ", ").append(keys.get(keys.size() - 1));
                }
            }
            if (refused > 0) {
                text.append("; ").append(refused).append(" refused by the table, the first: ")
                        .append(firstRefusal.orElse(""));
            }
            return text.toString();
        }
    }

    private GeneratedRows() {
    }

    /** The rows of the table; a read error is the caller's. */
    static long count(Connection c, Transition t) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + t.quotedTable())) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Inserts up to {@code rows} drawn rows into the table of {@code t} if it has fewer than
     * {@link #FEW}; empty when it has enough. {@code c} is in auto-commit: each row is its own
     * transaction. The new shape's columns are left out: the transition triggers fill them.
     */
    static Optional<Outcome> fill(Connection c, Transition t, TableFacts facts, int rows, Random random)
            throws SQLException {
        long existing = count(c, t);
        if (existing >= FEW || rows == 0) {
            return Optional.empty();
        }
        Optional<Map<String, String>> keys = facts.newKeyValues(t.quotedTable());
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        keys.orElse(Map.of()).forEach((column, value) -> {
            columns.add(SqlNames.quote(column));
            values.add(value);
        });
        List<TableFacts.Column> drawn = new ArrayList<>();
        for (TableFacts.Column column : facts.columns().values()) {
            boolean keyMade = keys.isPresent() && facts.primaryKey().contains(column.name());
            // During a transition Graft gives the old shape's columns a default that only marks them as
            // left out: they are drawn all the same.
            boolean defaulted = column.generated() && !t.oldColumns().contains(column.name());
            // a column on its way out is left to the trigger, as the new application leaves it out
            boolean written = t.isDeprecation() ? !t.oldColumns().contains(column.name())
                    : !t.newColumns().contains(column.name());
            if (keyMade || defaulted || !written) {
                continue;
            }
            drawn.add(column);
            columns.add(SqlNames.quote(column.name()));
            values.add("CAST(? AS " + column.type() + ")");
        }
        List<List<Optional<String>>> samples = new ArrayList<>();
        for (TableFacts.Column column : drawn) {
            List<Optional<String>> candidates = SampleValues.of(column, rows, random);
            samples.add(column.required() ? candidates.stream().filter(Optional::isPresent).toList() : candidates);
        }
        String sql = "INSERT INTO " + t.quotedTable() + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", values) + ") RETURNING " + facts.keyText();
        List<String> inserted = new ArrayList<>();
        int refused = 0;
        Optional<String> firstRefusal = Optional.empty();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < drawn.size(); j++) {
                    List<Optional<String>> candidates = samples.get(j);
                    // a column that may be NULL is NULL in every HOLES-th row, each column in other rows
                    boolean hole = !drawn.get(j).required() && i > 0 && i % HOLES == (j + 1) % HOLES;
                    s.setString(j + 1, hole || candidates.isEmpty() ? null
                            : candidates.get(i % candidates.size()).orElse(null));
                }
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    inserted.add(r.getString(1));
                } catch (SQLException e) {
                    refused++;
                    if (firstRefusal.isEmpty()) {
                        firstRefusal = Optional.of(SyncWrites.firstLine(e));
                    }
                }
            }
        }
        return Optional.of(new Outcome(t.table().toString(), existing, inserted, refused, firstRefusal));
    }
}
