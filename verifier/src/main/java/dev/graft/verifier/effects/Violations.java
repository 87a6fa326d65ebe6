package dev.graft.verifier.effects;

import dev.graft.verifier.snapshot.SqlNames;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Finds the rows behind a failed statement's usual violations (not-null, foreign key, unique,
 * check), from PostgreSQL's error fields, by querying the database in the state the statement
 * met, and names the catalog fix ({@code default_for_nulls}, an {@code orphans} policy, ...).
 */
public final class Violations {

    private static final Pattern KEY = Pattern.compile("Key \\(([^)]*)\\)=");
    private static final Pattern NOT_NULL = Pattern.compile("\"([^\"]+)\" IS NOT NULL");
    private static final Pattern NOT_PRESENT = Pattern.compile("is not present in table \"([^\"]+)\"");

    private Violations() {
    }

    /**
     * The violation behind {@code failure}, if PostgreSQL reported one of the usual ones.
     *
     * @param failure    what the statement threw (any cause chain holding PostgreSQL's error)
     * @param connection the database as the statement found it
     * @param sql        the migration's SQL, where a check constraint's condition is looked up
     */
    public static Optional<Violation> explain(Throwable failure, Connection connection, String sql) {
        Optional<ServerErrorMessage> error = serverError(failure);
        if (error.isEmpty() || error.get().getTable() == null) {
            return Optional.empty();
        }
        ServerErrorMessage e = error.get();
        String schema = e.getSchema() == null ? "public" : e.getSchema();
        String table = SqlNames.qualified(schema, e.getTable());
        String name = schema + "." + e.getTable();
        try {
            return switch (String.valueOf(e.getSQLState())) {
                case "23502" -> Optional.of(count(connection, table, name, "not null on " + e.getColumn(),
                        "t." + SqlNames.quote(e.getColumn()) + " IS NULL", "give make_column_not_null a"
                                + " default_for_nulls (or the column a default) for these rows"));
                case "23503" -> foreignKey(connection, table, name, e);
                case "23505" -> unique(connection, table, name, e);
                case "23514" -> Optional.of(check(connection, table, name, e.getConstraint(), sql));
                default -> Optional.empty();
            };
        } catch (SQLException notCounted) {
            return Optional.empty();
        }
    }

    private static Optional<Violation> foreignKey(Connection connection, String table, String name,
            ServerErrorMessage e) throws SQLException {
        List<String> columns = keyColumns(e.getDetail());
        Matcher referenced = NOT_PRESENT.matcher(String.valueOf(e.getDetail()));
        if (columns.size() != 1 || !referenced.find()) {
            return Optional.empty();
        }
        String column = "t." + SqlNames.quote(columns.get(0));
        // the referenced key is the referenced table's primary key, as the catalog's references default to
        String target = referenced.group(1);
        String targetTable = target.contains(".") ? target : SqlNames.qualified("public", target);
        List<String> targetKey = TableRows.primaryKey(connection, targetTable);
        if (targetKey.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(count(connection, table, name, "foreign key " + e.getConstraint() + " (" + columns.get(0)
                + " references no row of " + target + ")", column + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                + targetTable + " r WHERE r." + SqlNames.quote(targetKey.get(0)) + " = " + column + ")",
                "give add_foreign_key `orphans: nullify` (set them to NULL) or `orphans: delete` (delete the rows)"));
    }

    private static Optional<Violation> unique(Connection connection, String table, String name, ServerErrorMessage e)
            throws SQLException {
        List<String> columns = keyColumns(e.getDetail());
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        String tuple = String.join(", ", columns.stream().map(c -> "t." + SqlNames.quote(c)).toList());
        String plain = String.join(", ", columns.stream().map(SqlNames::quote).toList());
        return Optional.of(count(connection, table, name, "unique (" + String.join(", ", columns) + ")",
                "(" + tuple + ") IN (SELECT " + plain + " FROM " + table + " GROUP BY " + plain
                        + " HAVING count(*) > 1)",
                "make these rows distinct first (update_data or sql in an earlier version)"));
    }

    private static Violation check(Connection connection, String table, String name, String constraint, String sql)
            throws SQLException {
        Matcher defined = Pattern.compile("CONSTRAINT " + Pattern.quote(SqlNames.quote(constraint))
                + " CHECK \\((.*)\\) NOT VALID").matcher(sql);
        if (!defined.find()) {
            return new Violation(name, "check " + constraint, -1, List.of(),
                    "change these rows first (update_data in an earlier version) or relax the check");
        }
        String condition = defined.group(1);
        Matcher notNull = NOT_NULL.matcher(condition);
        if (notNull.matches()) {
            return count(connection, table, name, "not null on " + notNull.group(1), "NOT (" + condition + ")",
                    "give make_column_not_null a default_for_nulls for these rows");
        }
        return count(connection, table, name, "check " + constraint + " (" + condition + ")",
                "NOT (" + condition + ")", "change these rows first (update_data in an earlier version) or relax"
                        + " the check");
    }

    private static Violation count(Connection connection, String table, String name, String rule, String where,
            String fix) throws SQLException {
        List<String> key = TableRows.primaryKey(connection, table);
        String keyText = key.isEmpty() ? "t.ctid::text" : TableRows.keyText(key);
        long rows = 0;
        List<String> first = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT " + keyText
                + ", count(*) OVER () FROM " + table + " t WHERE " + where + " ORDER BY "
                + (key.isEmpty() ? "1" : String.join(", ", key.stream().map(k -> "t." + SqlNames.quote(k)).toList()))
                + " LIMIT "
                + RowEffect.KEYS_SHOWN)) {
            while (r.next()) {
                first.add(r.getString(1));
                rows = r.getLong(2);
            }
        }
        first.sort(TableRows::byKey);
        return new Violation(name, rule, rows, first, fix);
    }

    /** The columns of {@code Key (a, b)=(...)} in an error's detail. */
    private static List<String> keyColumns(String detail) {
        Matcher key = KEY.matcher(String.valueOf(detail));
        if (!key.find()) {
            return List.of();
        }
        return Arrays.stream(key.group(1).split(",")).map(String::strip).map(c -> c.replaceAll("^\"|\"$", ""))
                .filter(c -> c.matches("[^()\"]+")).toList();
    }

    private static Optional<ServerErrorMessage> serverError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PSQLException p && p.getServerErrorMessage() != null) {
                return Optional.of(p.getServerErrorMessage());
            }
        }
        return Optional.empty();
    }
}
