package db.doubling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The bug the commit boundaries exist to catch: a batch-committed backfill without a guard. Run once
 * it doubles every price; restarted after a crash it doubles the batches already done a second time.
 * Over ten rows it commits 5 transactions: four batches and the empty batch that ends the walk.
 */
public class V2__Double_prices_unguarded extends BaseJavaMigration {

    private static final String NEXT = "WITH batch AS (SELECT id FROM price WHERE id > ? ORDER BY id LIMIT 3), "
            + "updated AS (UPDATE price SET amount = amount * 2 WHERE id IN (SELECT id FROM batch) RETURNING 1) "
            + "SELECT (SELECT count(*) FROM updated), id FROM batch ORDER BY id DESC LIMIT 1";

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
            int last = 0;
            while (true) {
                try (PreparedStatement batch = connection.prepareStatement(NEXT)) {
                    batch.setInt(1, last);
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
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
