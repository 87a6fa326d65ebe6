package dev.graft.verifier.shapes;

import dev.graft.verifier.snapshot.SqlNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rows the backfill has not reached yet, as they are while the expand runs: the transition
 * triggers exist, the old shape holds the row's values and the new shape is still NULL. Writes
 * racing the expand meet such rows, and a trigger that derives the other shape from a half-written
 * new one (NULL = {@code 'RTM010' || NULL || NULL}) loses the row's value there, which the backfill
 * then copies. A row is put back into that state, with the table's own triggers off, before each
 * write on it.
 */
final class UnbackfilledWrites {

    /** Rows written on, each reset before every write. */
    static final int ROWS = 3;

    private UnbackfilledWrites() {
    }

    /**
     * Whether rows of the table can be put back before the backfill: the new shape is new columns
     * that may be NULL, and rows have a key to find them again by.
     */
    static boolean apply(Transition t, TableFacts facts) {
        return !t.isRename() && !t.isDeprecation() && !facts.primaryKey().isEmpty()
                && t.newColumns().stream().noneMatch(c -> facts.column(c).required());
    }

    /**
     * A row chosen to be written on.
     *
     * @param key    its key, as {@link TableFacts#keyText()} prints it
     * @param values its old shape's values as text, as they were when it was chosen (null: NULL)
     */
    record Row(String key, List<String> values) {
        Row {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** The first rows in key order whose old shape holds a value. */
    static List<Row> rows(Connection c, Transition t, TableFacts facts) throws SQLException {
        List<Row> rows = new ArrayList<>();
        String old = "ROW(" + String.join(", ", t.oldColumns().stream().map(SqlNames::quote).toList()) + ")";
        List<String> texts = t.oldColumns().stream().map(col -> "CAST(" + SqlNames.quote(col) + " AS text)").toList();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT " + facts.keyText() + ", "
                + String.join(", ", texts) + " FROM " + t.quotedTable() + " WHERE NOT (" + old + " IS NULL)"
                + facts.keyOrder() + " LIMIT " + ROWS)) {
            while (r.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < texts.size(); i++) {
                    values.add(r.getString(i + 2));
                }
                rows.add(new Row(r.getString(1), values));
            }
        }
        return rows;
    }

    /**
     * Puts {@code row} back as it was before the backfill, past the table's triggers: its old shape
     * as it was chosen, its new shape NULL. Empty when done; otherwise what PostgreSQL said when a
     * constraint refused it (a CHECK that the new shape is not NULL, say, which holds for the rows
     * a write makes but not for rows the backfill has not reached): nothing is changed then.
     */
    static Optional<String> reset(Connection c, Transition t, TableFacts facts, Row row) throws SQLException {
        List<String> sets = new ArrayList<>();
        for (String col : t.oldColumns()) {
            sets.add(SqlNames.quote(col) + " = CAST(? AS " + facts.column(col).type() + ")");
        }
        t.newColumns().forEach(col -> sets.add(SqlNames.quote(col) + " = NULL"));
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + t.quotedTable() + " DISABLE TRIGGER USER");
            try (PreparedStatement u = c.prepareStatement("UPDATE " + t.quotedTable() + " SET " + String.join(", ", sets)
                    + " WHERE " + facts.keyText() + " = ?")) {
                int parameter = 1;
                for (String value : row.values()) {
                    u.setString(parameter++, value);
                }
                u.setString(parameter, row.key());
                u.executeUpdate();
            }
            s.execute("ALTER TABLE " + t.quotedTable() + " ENABLE TRIGGER USER");
            c.commit();
            return Optional.empty();
        } catch (SQLException e) {
            c.rollback();
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return Optional.of(SyncWrites.firstLine(e));
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
