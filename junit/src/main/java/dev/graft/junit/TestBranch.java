package dev.graft.junit;

import dev.graft.branch.Branch;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The branch one test method runs on, with the connection handed to it (opened on first
 * request, closed when the test ends). Closing it without a verdict drops the branch.
 */
final class TestBranch implements AutoCloseable {

    private final Branch branch;
    private final BranchPool pool;
    private final GraftBranch value;
    private Connection connection;
    private boolean finished;

    TestBranch(Branch branch, BranchPool pool) {
        this.branch = branch;
        this.pool = pool;
        this.value = new GraftBranch(branch.name(), branch.jdbcUrl(), branch.user(), branch.password(), pool.template(),
                branch.dataSource());
    }

    GraftBranch value() {
        return value;
    }

    DataSource dataSource() {
        return value.dataSource();
    }

    synchronized Connection connection() throws SQLException {
        if (connection == null) {
            connection = value.connect();
        }
        return connection;
    }

    /** Closes the test's connection, then drops the branch, or keeps it when asked. */
    synchronized void finish(boolean keep) {
        if (finished) {
            return;
        }
        finished = true;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the branch is dropped next, which ends the session anyway
            }
        }
        if (!keep) {
            pool.release(branch);
        }
    }

    @Override
    public void close() {
        finish(false);
    }
}
