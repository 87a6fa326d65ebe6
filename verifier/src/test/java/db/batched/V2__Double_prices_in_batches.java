package db.batched;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Shaped like a generated backfill: DDL in one transaction, then a keyed, guarded walk of the table
 * committed three rows at a time, then an index built outside any transaction. Rows already done are
 * skipped, so it converges however often it is interrupted and restarted. Over ten rows it commits 7
 * transactions: the DDL, four batches, the empty batch that ends the walk, and the index.
 */
public class V2__Double_prices_in_batches extends BaseJavaMigration {

    private static final String FIRST = "WITH batch AS (SELECT id FROM price ORDER BY id LIMIT 3), "
            + "updated AS (UPDATE price SET doubled = amount * 2 WHERE id IN (SELECT id FROM batch) "
            + "AND doubled IS DISTINCT FROM amount * 2 RETURNING 1) "
            + "SELECT (SELECT count(*) FROM updated), id FROM batch ORDER BY id DESC LIMIT 1";
    private static final String NEXT = FIRST.replace("FROM price ORDER BY", "FROM price WHERE id > ? ORDER BY");

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        boolean autoCommit = connection.getAutoCommit();
        try {
            connection.setAutoCommit(false);
            transaction(connection, "ALTER TABLE price ADD COLUMN IF NOT EXISTS doubled integer");
            backfill(connection);
            autocommit(connection, "CREATE INDEX CONCURRENTLY IF NOT EXISTS price_doubled ON price (doubled)");
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void transaction(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    private static void autocommit(Connection connection, String sql) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } finally {
            connection.setAutoCommit(false);
        }
    }

    private static void backfill(Connection connection) throws SQLException {
        Integer last = null;
        while (true) {
            try (PreparedStatement batch = connection.prepareStatement(last == null ? FIRST : NEXT)) {
                if (last != null) {
                    batch.setInt(1, last);
                }
                try (ResultSet rows = batch.executeQuery()) {
                    if (!rows.next()) {
                        connection.commit();
                        return;
                    }
                    last = rows.getInt(2);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
