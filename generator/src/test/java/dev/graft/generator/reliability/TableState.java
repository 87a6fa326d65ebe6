package dev.graft.generator.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * A table as it is: the md5 of all its rows in key order, and of each row by key.
 *
 * @param md5  the whole table's fingerprint
 * @param rows each row's fingerprint by its {@code id}
 */
record TableState(String md5, Map<Long, String> rows) {

    /** How a table differs from another, row by row. */
    record Difference(long lost, long divergent, long extra) {
        boolean none() {
            return lost == 0 && divergent == 0 && extra == 0;
        }
    }

    static TableState of(Connection c, String table) throws SQLException {
        Map<Long, String> rows = new HashMap<>();
        String md5;
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT t.id, md5(t::text) FROM " + table + " t")) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT md5(string_agg(t::text, E'\\n' ORDER BY t.id)) FROM " + table + " t")) {
                rs.next();
                md5 = rs.getString(1);
            }
        }
        return new TableState(md5, rows);
    }

    /** This table measured against {@code expected}: rows missing here, different here, only here. */
    Difference against(TableState expected) {
        long lost = 0;
        long divergent = 0;
        for (Map.Entry<Long, String> row : expected.rows.entrySet()) {
            String mine = rows.get(row.getKey());
            if (mine == null) {
                lost++;
            } else if (!mine.equals(row.getValue())) {
                divergent++;
            }
        }
        long extra = rows.keySet().stream().filter(id -> !expected.rows.containsKey(id)).count();
        return new Difference(lost, divergent, extra);
    }
}
