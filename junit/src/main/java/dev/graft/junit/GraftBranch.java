package dev.graft.junit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The branch a test runs on: where it is and how to connect. It lives until the test ends; do
 * not keep it longer.
 *
 * @param name the branch (database) name
 * @param jdbcUrl its JDBC URL, without credentials
 * @param user the user to connect as
 * @param password that user's password (may be short-lived on cloud engines; {@link #dataSource()} stays fresh)
 * @param template the name of the template database it was copied from
 * @param dataSource opens connections to the branch
 */
public record GraftBranch(String name, String jdbcUrl, String user, String password, String template,
                          DataSource dataSource) {

    public GraftBranch {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl == null");
        Objects.requireNonNull(user, "user == null");
        Objects.requireNonNull(password, "password == null");
        Objects.requireNonNull(template, "template == null");
        Objects.requireNonNull(dataSource, "dataSource == null");
    }

    /** A new connection to the branch; the caller closes it. */
    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public String toString() {
        // the password stays out of logs and assertion messages
        return "GraftBranch[" + name + " of " + template + " at " + jdbcUrl + "]";
    }
}
