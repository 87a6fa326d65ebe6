package dev.graft.branch.cloud;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A {@link PGSimpleDataSource} whose password is asked for at every connection, so a short-lived
 * token (Lakebase credentials last at most an hour and are checked only at login) is always
 * fresh. For a fixed password the supplier simply returns it.
 */
public final class TokenDataSource extends PGSimpleDataSource {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<String> password;

    public TokenDataSource(String jdbcUrl, String user, Supplier<String> password) {
        setURL(jdbcUrl);
        setUser(user);
        setApplicationName("graft");
        this.password = Objects.requireNonNull(password, "password == null");
    }

    @Override
    public String getPassword() {
        return password.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(getUser(), getPassword());
    }

    @Override
    public String toString() {
        return "TokenDataSource[" + getURL() + " as " + getUser() + "]";
    }
}
