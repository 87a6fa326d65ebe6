package dev.graft.branch.template;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Builds administrative statements with PostgreSQL's own {@code format()} ({@code %I} for
 * identifiers, {@code %L} for literals), so no name ever reaches SQL unquoted: utility statements
 * such as {@code CREATE DATABASE} take no bind parameters.
 */
final class AdminSql {

    private AdminSql() {
    }

    static String format(Connection connection, String template, String... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT format(?, VARIADIC ?::text[])")) {
            Array array = connection.createArrayOf("text", args);
            statement.setString(1, template);
            statement.setArray(2, array);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    static void execute(Connection connection, String template, String... args) throws SQLException {
        String sql = format(connection, template, args);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
