package it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.junit.GraftDatabase;
import dev.graft.junit.GraftUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@GraftDatabase(migrations = "classpath:db/migration")
class UrlTest {

    @Test
    void connectsByUrl(@GraftUrl String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             ResultSet rs = connection.createStatement().executeQuery("SELECT current_setting('server_version_num')::int")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 180000, "server_version_num " + rs.getInt(1));
        }
    }

    @Nested
    class Inner {
        @Test
        void inheritsTheOuterDatabase(Connection db) throws SQLException {
            try (ResultSet rs = db.createStatement().executeQuery("SELECT count(*) FROM note")) {
                rs.next();
                assertTrue(rs.getInt(1) == 0);
            }
        }
    }
}
