package dev.graft.branch.cloud;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchInfo;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A live cloud branch: its coordinates, a password that may be refreshed behind the scenes, and
 * a {@link #close()} that deletes it once.
 */
public final class CloudBranch implements Branch {

    private final BranchInfo info;
    private final String jdbcUrl;
    private final String user;
    private final Supplier<String> password;
    private final TokenDataSource dataSource;
    private final Runnable delete;
    private boolean closed;

    /**
     * @param host the host name, with {@code :port} when not 5432
     * @param password the current password, asked for at every use
     * @param delete deletes the branch; must treat "already gone" as done
     */
    public CloudBranch(BranchInfo info, String host, String database, String user, Supplier<String> password,
                       Runnable delete) {
        this.info = Objects.requireNonNull(info, "info == null");
        this.jdbcUrl = "jdbc:postgresql://" + Objects.requireNonNull(host, "host == null") + "/"
                + Objects.requireNonNull(database, "database == null") + "?sslmode=require";
        this.user = Objects.requireNonNull(user, "user == null");
        this.password = Objects.requireNonNull(password, "password == null");
        this.dataSource = new TokenDataSource(jdbcUrl, user, password);
        this.delete = Objects.requireNonNull(delete, "delete == null");
    }

    @Override
    public BranchInfo info() {
        return info;
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password.get();
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public synchronized void close() {
        // Marked closed only once the delete went through, so a failed close can be retried.
        if (!closed) {
            delete.run();
            closed = true;
        }
    }

    @Override
    public String toString() {
        return "Branch[" + info.name() + " " + jdbcUrl + " as " + user + "]";
    }
}
