package dev.graft.verifier.internal;

import dev.graft.verifier.sql.MigrationStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs statements of a migration one by one, each committed on its own, as an interrupted
 * {@code psql -f} or a crashed deployment leaves them.
 */
final class StatementRunner {

    private StatementRunner() {
    }

    /**
     * Runs the statements in order.
     *
     * @throws Failure naming the statement that failed
     */
    static void run(DataSource dataSource, List<MigrationStatement> statements) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            for (MigrationStatement statement : statements) {
                try (Statement s = connection.createStatement()) {
                    s.execute(statement.sql());
                } catch (SQLException e) {
                    throw new Failure(statement, e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect: " + e.getMessage(), e);
        }
    }

    /** A statement failed. */
    static final class Failure extends RuntimeException {
        private final transient MigrationStatement statement;

        Failure(MigrationStatement statement, SQLException cause) {
            super("statement " + statement.index() + " (line " + statement.line() + ") failed: "
                    + cause.getMessage().strip().lines().findFirst().orElse(""), cause);
            this.statement = statement;
        }

        MigrationStatement statement() {
            return statement;
        }
    }
}
