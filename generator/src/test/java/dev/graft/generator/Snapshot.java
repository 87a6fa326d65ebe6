package dev.graft.generator;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The schema of the user's schemas read from pg_catalog, as sorted lines; and data fingerprints. */
public final class Snapshot {

    private static final String USER = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
            + " AND n.nspname NOT LIKE 'pg_temp%'";

    private Snapshot() { }

    /** Tables, columns, constraints, indexes, triggers, functions, views, comments. */
    public static List<String> schema(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        lines.addAll(query(c, "SELECT 'column ' || cl.oid::regclass || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
                + " || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END"
                + " || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')"
                + " || coalesce(' comment ' || col_description(cl.oid, a.attnum), '')"
                + " FROM pg_attribute a JOIN pg_class cl ON cl.oid = a.attrelid JOIN pg_namespace n ON n.oid = cl.relnamespace"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE " + USER + " AND cl.relkind IN ('r', 'v', 'p') AND a.attnum > 0 AND NOT a.attisdropped"
                + " AND cl.relname NOT LIKE 'flyway%'"));
        lines.addAll(query(c, "SELECT 'constraint ' || con.conrelid::regclass || ' ' || con.conname || ' '"
                + " || pg_get_constraintdef(con.oid) || CASE WHEN con.convalidated THEN '' ELSE ' (not validated)' END"
                + " FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace WHERE " + USER
                + " AND con.conrelid <> 0 AND con.conrelid::regclass::text NOT LIKE 'flyway%'"));
        lines.addAll(query(c, "SELECT 'index ' || pg_get_indexdef(i.indexrelid) || CASE WHEN i.indisvalid THEN '' ELSE ' INVALID' END"
                + " FROM pg_index i JOIN pg_class cl ON cl.oid = i.indexrelid JOIN pg_namespace n ON n.oid = cl.relnamespace"
                + " WHERE " + USER + " AND cl.relname NOT LIKE 'flyway%'"));
        lines.addAll(query(c, "SELECT 'trigger ' || t.tgrelid::regclass || ' ' || t.tgname FROM pg_trigger t"
                + " WHERE NOT t.tgisinternal"));
        lines.addAll(query(c, "SELECT 'function ' || p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n"
                + " ON n.oid = p.pronamespace WHERE " + USER));
        lines.addAll(query(c, "SELECT 'view ' || cl.oid::regclass || ' ' || pg_get_viewdef(cl.oid)"
                + " FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE " + USER + " AND cl.relkind = 'v'"));
        lines.addAll(query(c, "SELECT 'comment ' || cl.oid::regclass || ' ' || obj_description(cl.oid, 'pg_class')"
                + " FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE " + USER
                + " AND obj_description(cl.oid, 'pg_class') IS NOT NULL"));
        lines.sort(null);
        return lines;
    }

    /** Every row of every user table, as text, sorted. */
    public static List<String> data(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (String table : query(c, "SELECT cl.oid::regclass::text FROM pg_class cl JOIN pg_namespace n"
                + " ON n.oid = cl.relnamespace WHERE " + USER + " AND cl.relkind = 'r' AND cl.relname NOT LIKE 'flyway%'")) {
            for (String row : query(c, "SELECT t::text FROM " + table + " t")) {
                lines.add(table + " " + row);
            }
        }
        lines.sort(null);
        return lines;
    }

    /** The first column of every row. */
    public static List<String> query(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
