package dev.graft.branch;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A live branch: a database that exists while this handle is open. {@link #close()} deletes it
 * (idempotently); a branch that should outlive the handle is simply not closed, and is removed
 * later by its TTL or by {@link BranchEngine#delete(String)}.
 */
public interface Branch extends AutoCloseable {

    /** Name, parent, timestamps and how the branch was copied. */
    BranchInfo info();

    /** The branch name as the engine stores it (sanitized). */
    default String name() {
        return info().name();
    }

    /** A JDBC URL for this branch, without credentials. */
    String jdbcUrl();

    String user();

    /** The password, which may be short-lived for cloud engines; {@link #dataSource()} always has a fresh one. */
    String password();

    /** A data source opening connections to this branch. */
    DataSource dataSource();

    /** A new connection to this branch; the caller closes it. */
    default Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    /** How the branch was copied from its parent. */
    default CopyReport copy() {
        return info().copy();
    }

    /** Deletes the branch. Idempotent; never throws for a branch that is already gone. */
    @Override
    void close();
}
