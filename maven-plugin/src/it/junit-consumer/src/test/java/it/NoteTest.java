package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.junit.GraftDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@GraftDatabase(migrations = "classpath:db/migration")
class NoteTest {

    @Test
    void runsOnPostgreSql18(Connection db) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            String version = rs.getString(1);
            System.out.println("consumer server_version " + version);
            assertTrue(version.startsWith("18"), "server_version " + version);
        }
    }

    @Test
    void writesToItsOwnBranch(Connection db) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate("INSERT INTO note VALUES (1, 'first')");
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM note")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }
}
