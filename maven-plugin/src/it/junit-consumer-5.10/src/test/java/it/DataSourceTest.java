package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.graft.junit.GraftDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.RepeatedTest;

@GraftDatabase(migrations = "classpath:db/migration", pool = 1)
class DataSourceTest {

    /** Each repetition gets a fresh branch: the row the one before inserted is not there. */
    @RepeatedTest(2)
    void eachRepetitionStartsEmpty(DataSource db) throws SQLException {
        try (Connection connection = db.getConnection()) {
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT count(*) FROM note")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
            connection.createStatement().executeUpdate("INSERT INTO note VALUES (1, 'kept nowhere')");
        }
    }
}
