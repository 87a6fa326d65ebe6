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
 * statement: {@code WITH w AS (INSERT|UPDATE ... RETURNING *) SELECT actual, expected FROM w}.
 */
final class SyncWrites {

    /** Which shape is written. */
    enum Direction { OLD_TO_NEW, NEW_TO_OLD }

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

    /** Writes one sample to the whole shape; the failure, if the shapes disagree afterwards or the write fails. */
    Optional<String> write(Direction direction, Path path, List<Optional<String>> sample) {
        return write(direction, path, written(direction), sample);
    }

    /**
     * Writes {@code values} to {@code columns}, the whole written shape or part of it; the failure, if
     * the shapes disagree afterwards or the write fails. An INSERT leaves the shape's other columns to
     * their defaults; an UPDATE leaves them as the row holds them. Either way the expectation is the
     * catalog's expressions over the whole row as written, so a trigger that misses a write of part
     * of a shape leaves the other shape stale and fails.
     */
    Optional<String> write(Direction direction, Path path, List<String> columns, List<Optional<String>> values) {
        if (columns.size() != values.size() || columns.isEmpty() || !written(direction).containsAll(columns)) {
            throw new IllegalArgumentException("columns " + columns + " do not match values " + values);
        }
        List<String> casts = new ArrayList<>();
        for (String column : columns) {
            casts.add("CAST(? AS " + facts.column(column).type() + ")");
        }
        String dml = path == Path.INSERT ? insert(columns, casts) : update(columns, casts);
        String sql = "WITH graft_w AS (" + dml + " RETURNING *) SELECT " + actual(direction) + "::text, "
                + expected(direction) + "::text, " + actual(direction) + " IS NOT DISTINCT FROM " + expected(direction)
                + " FROM (SELECT " + scope(direction) + " FROM graft_w) AS graft_row";
        boolean part = columns.size() < written(direction).size();
        String what = (direction == Direction.OLD_TO_NEW ? "old -> new" : "new -> old") + " by "
                + path.name().toLowerCase(java.util.Locale.ROOT) + " of " + (part ? "only " : "")
                + "(" + String.join(", ", columns) + ") = "
                + values.stream().map(v -> v.map(SqlNames::literal).orElse("NULL")).collect(Collectors.joining(", ", "(", ")"));
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            int parameter = 1;
            // an UPDATE names the values twice: once to set them, once to find a row they change
            for (int pass = 0; pass < (path == Path.UPDATE ? 2 : 1); pass++) {
                for (Optional<String> value : values) {
                    s.setString(parameter++, value.orElse(null));
                }
            }
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.of(what + ": no row was written");
                }
                if (!r.getBoolean(3)) {
                    return Optional.of(what + ": got " + r.getString(1) + ", expected " + r.getString(2));
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.of(what + ": the write fails: " + e.getMessage().strip().lines().findFirst().orElse(""));
        }
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

    /**
     * Updates the first row, in key order, that the values change, if there is one: an UPDATE that
     * changes nothing would pass against any trigger. Key order, not the heap's, so the row updated
     * does not depend on where earlier writes put their row versions; both subqueries stop at their
     * first row.
     */
    private String update(List<String> written, List<String> casts) {
        List<String> sets = new ArrayList<>();
        List<String> quoted = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            sets.add(SqlNames.quote(written.get(i)) + " = " + casts.get(i));
            quoted.add(SqlNames.quote(written.get(i)));
        }
        String order = facts.primaryKey().isEmpty() ? ""
                : " ORDER BY " + facts.primaryKey().stream().map(SqlNames::quote).collect(Collectors.joining(", "));
        return "UPDATE " + t.quotedTable() + " SET " + String.join(", ", sets) + " WHERE ctid = coalesce("
                + "(SELECT ctid FROM " + t.quotedTable() + " WHERE ROW(" + String.join(", ", quoted)
                + ") IS DISTINCT FROM ROW(" + String.join(", ", casts) + ")" + order + " LIMIT 1), "
                + "(SELECT ctid FROM " + t.quotedTable() + order + " LIMIT 1))";
    }

    /** Values for a new row's key that the table does not fill itself; empty if none can be made. */
    private Optional<Map<String, String>> keyValues() {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String key : facts.primaryKey()) {
            TableFacts.Column column = facts.column(key);
            if (column.generated()) {
                continue;
            }
            String type = column.type();
            if (facts.primaryKey().size() == 1 && (type.equals("integer") || type.equals("bigint") || type.equals("smallint"))) {
                values.put(key, "(SELECT coalesce(max(" + SqlNames.quote(key) + "), 0) + 1 FROM " + t.quotedTable() + ")");
            } else if (type.equals("uuid")) {
                values.put(key, "gen_random_uuid()");
            } else if (type.equals("text") || type.equals("character varying")) {
                values.put(key, "CAST(gen_random_uuid() AS text)");
            } else if (type.matches("character(?: varying)?\\(\\d+\\)")) {
                // a key as short as varchar(6) still gets 16^6 random values: enough for the few hundred writes made
                int length = Integer.parseInt(type.replaceAll("\\D", ""));
                values.put(key, "left(replace(CAST(gen_random_uuid() AS text), '-', ''), " + length + ")");
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    /** Columns an INSERT would have to give that neither the write nor the triggers fill. */
    private List<String> requiredOthers(Direction direction) {
        return facts.columns().values().stream().filter(TableFacts.Column::required).map(TableFacts.Column::name)
                .filter(c -> !facts.primaryKey().contains(c) && !t.oldColumns().contains(c) && !t.newColumns().contains(c))
                .toList();
    }

    /** The shape that was not written, as it is. */
    private String actual(Direction direction) {
        List<String> target = direction == Direction.OLD_TO_NEW ? t.newColumns() : t.oldColumns();
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
