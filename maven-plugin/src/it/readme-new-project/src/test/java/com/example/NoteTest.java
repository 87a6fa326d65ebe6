package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.graft.junit.GraftDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@GraftDatabase(migrations = "classpath:db/migration")
class NoteTest {

    @Test
    void keepsANote(Connection db) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO note (id, body) VALUES (1, 'first')");
            try (ResultSet rs = sql.executeQuery("SELECT body FROM note")) {
                rs.next();
                assertEquals("first", rs.getString(1));
            }
        }
    }
}
