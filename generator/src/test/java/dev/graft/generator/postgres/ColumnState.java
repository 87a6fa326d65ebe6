package dev.graft.generator.postgres;

import dev.graft.generator.Scenario;
import java.sql.SQLException;
import java.util.List;

/** What {@code pg_catalog} says of a column and a table: the assertions of the column-property tests. */
final class ColumnState {

    private ColumnState() { }

    private static String attribute(String table, String column, String what) {
        return "SELECT " + what + " FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef d"
                + " ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE a.attrelid = '" + table
                + "'::regclass AND a.attname = '" + column + "'";
    }

    /** {@code pg_get_expr(adbin)} of the column's default, {@code <none>} without one. */
    static String defaultOf(Scenario s, String table, String column) throws SQLException {
        return one(s, attribute(table, column, "coalesce(pg_get_expr(d.adbin, d.adrelid), '<none>')"));
    }

    static boolean notNull(Scenario s, String table, String column) throws SQLException {
        return Boolean.parseBoolean(one(s, attribute(table, column, "a.attnotnull::text")));
    }

    /** {@code attidentity}: {@code a}, {@code d}, or empty. */
    static String identity(Scenario s, String table, String column) throws SQLException {
        return one(s, attribute(table, column, "a.attidentity::text"));
    }

    static String columnComment(Scenario s, String table, String column) throws SQLException {
        return one(s, attribute(table, column, "coalesce(col_description(a.attrelid, a.attnum), '<none>')"));
    }

    static String tableComment(Scenario s, String table) throws SQLException {
        return one(s, "SELECT coalesce(obj_description('" + table + "'::regclass, 'pg_class'), '<none>')");
    }

    static String replicaIdentity(Scenario s, String table) throws SQLException {
        return one(s, "SELECT relreplident::text FROM pg_catalog.pg_class WHERE oid = '" + table + "'::regclass");
    }

    private static String one(Scenario s, String sql) throws SQLException {
        List<String> rows = s.query(sql);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row of " + sql + ", found " + rows);
        }
        return rows.get(0);
    }
}
