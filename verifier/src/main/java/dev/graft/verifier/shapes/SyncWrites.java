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
import java.util.stream.Collectors;

/**
 * Single writes through one shape of a transition, each compared with what the catalog's
 * expressions say the other shape must then hold. The write and the comparison are one
 * statement: {@code WITH b AS (the row before), w AS (INSERT|UPDATE ... RETURNING *) SELECT actual,
 * expected, before FROM w, b}. A write the database refuses changes neither shape: it is its own
 * outcome, not a failure.
 */
final class SyncWrites {

    /** Which shape is written. */
    enum Direction {
        OLD_TO_NEW("old -> new"),
        NEW_TO_OLD("new -> old");

        private final String words;

        Direction(String words) {
            this.words = words;
        }

        /** {@code old -> new}. */
        String words() {
            return words;
        }
    }

    /** How a row is written. */
    enum Path { INSERT, UPDATE }

    private final Connection connection;
    private final Transition t;
    private final TableFacts facts;

    SyncWrites(Connection connection, Transition t, TableFacts facts) {
        this.connection = connection;
        this.t = t;
        this.facts = facts;
    }

    /** The write paths this table allows for the direction. */
    List<Path> paths(Direction direction) throws SQLException {
        List<Path> paths = new ArrayList<>();
        if (keyValues().isPresent() && requiredOthers(direction).isEmpty()) {
            paths.add(Path.INSERT);
        }
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + t.quotedTable() + ")")) {
            r.next();
            if (r.getBoolean(1)) {
                paths.add(Path.UPDATE);
            }
        }
        return paths;
    }

    /** What one write did. */
    enum Kind {
        /** It was written and the other shape holds what the catalog's expressions say. */
        IN_SYNC,
        /** It was written and the shapes disagree, or the other shape lost its value, or the write failed. */
        OUT_OF_SYNC,
        /** The database refused it (a value too long or out of range, a constraint): neither shape changed. */
        REFUSED,
        /** There was no row for it to change: nothing was written. */
        NO_ROW
    }

    /**
     * One write's outcome.
     *
     * @param kind what it did
     * @param text the write and, unless it kept the shapes in sync, what went wrong
     */
    record Outcome(Kind kind, String text) { }

    /** Writes one sample to the whole shape, on the first row it changes. */
    Outcome write(Direction direction, Path path, List<Optional<String>> sample) {
        return write(direction, path, written(direction), sample, Optional.empty());
    }

    /**
     * Writes {@code values} to {@code columns}, the whole written shape or part of it. An INSERT
     * leaves the shape's other columns to their defaults; an UPDATE leaves them as the row holds
     * them, and writes the row whose key is {@code key} (as {@link TableFacts#keyText()} prints it)
     * if given, otherwise the first row in key order that the values change. Either way the
     * expectation is the catalog's expressions over the whole row as written, so a trigger that
     * misses a write of part of a shape leaves the other shape stale and fails; and an other shape
     * that held a value and holds none afterwards, although no NULL was written, lost it.
     */
    Outcome write(Direction direction, Path path, List<String> columns, List<Optional<String>> values,
            Optional<String> key) {
        if (columns.size() != values.size() || columns.isEmpty() || !written(direction).containsAll(columns)) {
            throw new IllegalArgumentException("columns " + columns + " do not match values " + values);
        }
        List<String> casts = new ArrayList<>();
        for (String column : columns) {
            casts.add("CAST(? AS " + facts.column(column).type() + ")");
        }
        List<String> target = target(direction);
        List<String> before = new ArrayList<>();
        for (int i = 1; i <= target.size(); i++) {
            before.add("graft_before_" + i);
        }
        String beforeRow = path == Path.INSERT ? "SELECT " + String.join(", ", before.stream()
                .map(b -> "CAST(NULL AS text) AS " + b).toList()) : beforeRow(columns, casts, key, target);
        String dml = path == Path.INSERT ? insert(columns, casts)
                : update(columns, casts) + " WHERE ctid = (SELECT graft_ctid FROM graft_b)";
        String beforeRecord = "ROW(" + String.join(", ", before) + ")";
        String sql = "WITH graft_b AS (" + beforeRow + "), graft_w AS (" + dml + " RETURNING *) SELECT "
                + actual(direction) + "::text, " + expected(direction) + "::text, " + actual(direction)
                + " IS NOT DISTINCT FROM " + expected(direction) + ", NOT (" + beforeRecord + " IS NULL) AND "
                + actual(direction) + " IS NULL, " + beforeRecord + "::text FROM (SELECT " + scope(direction) + ", "
                + String.join(", ", before.stream().map(b -> "graft_b." + b).toList())
                + " FROM graft_w CROSS JOIN graft_b) AS graft_row";
        boolean part = columns.size() < written(direction).size();
        String what = direction.words() + " by "
                + path.name().toLowerCase(java.util.Locale.ROOT) + " of " + (part ? "only " : "")
                + "(" + String.join(", ", columns) + ") = "
                + values.stream().map(v -> v.map(SqlNames::literal).orElse("NULL")).collect(Collectors.joining(", ", "(", ")"))
                + key.map(k -> " on " + k).orElse("");
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            int parameter = 1;
            // an UPDATE names the values twice: once to find a row they change (and its key), once to set them
            for (Optional<String> value : values) {
                s.setString(parameter++, value.orElse(null));
            }
            if (path == Path.UPDATE) {
                if (key.isPresent()) {
                    s.setString(parameter++, key.get());
                }
                for (Optional<String> value : values) {
                    s.setString(parameter++, value.orElse(null));
                }
            }
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return new Outcome(key.isPresent() ? Kind.NO_ROW : Kind.OUT_OF_SYNC, what + ": no row was written");
                }
                if (!r.getBoolean(3)) {
                    return new Outcome(Kind.OUT_OF_SYNC, what + ": got " + r.getString(1) + ", expected " + r.getString(2));
                }
                if (r.getBoolean(4) && values.stream().allMatch(Optional::isPresent)) {
                    return new Outcome(Kind.OUT_OF_SYNC, what + ": the other shape held " + r.getString(5)
                            + " and lost it: got " + r.getString(1) + ", although no NULL was written");
                }
                return new Outcome(Kind.IN_SYNC, what);
            }
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("22")) {
                return new Outcome(Kind.REFUSED, what + ": refused by the "
                        + (direction == Direction.OLD_TO_NEW ? "new" : "old") + " shape: " + firstLine(e));
            }
            if (state.startsWith("23")) {
                return new Outcome(Kind.REFUSED, what + ": refused by a constraint: " + firstLine(e));
            }
            return new Outcome(Kind.OUT_OF_SYNC, what + ": the write fails: " + firstLine(e));
        }
    }

    /** PostgreSQL's message, its first line. */
    static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.strip().lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
    }

    /**
     * The row an UPDATE writes, with the other shape as it was: the one whose key is given, if the
     * values change it, otherwise the first in key order that they change, or else the first.
     */
    private String beforeRow(List<String> written, List<String> casts, Optional<String> key, List<String> target) {
        List<String> fields = new ArrayList<>(List.of("ctid AS graft_ctid"));
        for (int i = 0; i < target.size(); i++) {
            fields.add("CAST(" + SqlNames.quote(target.get(i)) + " AS text) AS graft_before_" + (i + 1));
        }
        String changes = "ROW(" + String.join(", ", written.stream().map(SqlNames::quote).toList())
                + ") IS DISTINCT FROM ROW(" + String.join(", ", casts) + ")";
        String order = facts.keyOrder();
        String which = key.isPresent()
                ? "(SELECT ctid FROM " + t.quotedTable() + " WHERE " + changes + " AND " + facts.keyText() + " = ?)"
                : "coalesce((SELECT ctid FROM " + t.quotedTable() + " WHERE " + changes + order + " LIMIT 1), "
                        + "(SELECT ctid FROM " + t.quotedTable() + order + " LIMIT 1))";
        return "SELECT " + String.join(", ", fields) + " FROM " + t.quotedTable() + " WHERE ctid = " + which;
    }

    /** The columns of the shape {@code direction} writes. */
    List<String> written(Direction direction) {
        return direction == Direction.OLD_TO_NEW ? t.oldColumns() : t.newColumns();
    }

    private String insert(List<String> written, List<String> casts) {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        keyValues().orElseThrow().forEach((column, value) -> {
            columns.add(SqlNames.quote(column));
            values.add(value);
        });
        written.forEach(c -> columns.add(SqlNames.quote(c)));
        values.addAll(casts);
        return "INSERT INTO " + t.quotedTable() + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", values) + ")";
    }

    private String update(List<String> written, List<String> casts) {
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            sets.add(SqlNames.quote(written.get(i)) + " = " + casts.get(i));
        }
        return "UPDATE " + t.quotedTable() + " SET " + String.join(", ", sets);
    }

    private Optional<Map<String, String>> keyValues() {
        return facts.newKeyValues(t.quotedTable());
    }

    /** Columns an INSERT would have to give that neither the write nor the triggers fill. */
    private List<String> requiredOthers(Direction direction) {
        return facts.columns().values().stream().filter(TableFacts.Column::required).map(TableFacts.Column::name)
                .filter(c -> !facts.primaryKey().contains(c) && !t.oldColumns().contains(c) && !t.newColumns().contains(c))
                .toList();
    }

    /** The columns of the shape {@code direction} does not write. */
    List<String> target(Direction direction) {
        return direction == Direction.OLD_TO_NEW ? t.newColumns() : t.oldColumns();
    }

    /** The shape that was not written, as it is. */
    private String actual(Direction direction) {
        List<String> target = target(direction);
        List<String> fields = new ArrayList<>();
        for (int i = 1; i <= target.size(); i++) {
            fields.add("graft_target_" + i);
        }
        return "ROW(" + String.join(", ", fields) + ")";
    }

    /** The shape that was not written, as the catalog's expressions compute it from the written one. */
    private String expected(Direction direction) {
        List<String> target = direction == Direction.OLD_TO_NEW ? t.newColumns() : t.oldColumns();
        List<String> expressions = direction == Direction.OLD_TO_NEW ? t.forth() : t.back();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < target.size(); i++) {
            values.add("CAST((" + expressions.get(i) + ") AS " + facts.column(target.get(i)).type() + ")");
        }
        return "ROW(" + String.join(", ", values) + ")";
    }

    /** The written row's columns under the names the expressions use, plus the target shape. */
    private String scope(Direction direction) {
        Map<String, String> mapping = direction == Direction.NEW_TO_OLD ? t.backScope() : Map.of();
        List<String> scope = new ArrayList<>();
        for (String column : facts.columns().keySet()) {
            if (!mapping.containsKey(column)) {
                scope.add("graft_w." + SqlNames.quote(column));
            }
        }
        mapping.forEach((name, actual) -> scope.add("graft_w." + SqlNames.quote(actual) + " AS " + SqlNames.quote(name)));
        List<String> target = direction == Direction.OLD_TO_NEW ? t.newColumns() : t.oldColumns();
        for (int i = 0; i < target.size(); i++) {
            scope.add("graft_w." + SqlNames.quote(target.get(i)) + " AS graft_target_" + (i + 1));
        }
        return String.join(", ", scope);
    }
}
