package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.graft.junit.GraftBranch;
import dev.graft.junit.GraftDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@GraftDatabase(migrations = "classpath:db/migration")
class BranchTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void eachCaseHasItsOwnBranch(int id, GraftBranch branch) throws SQLException {
        assertNotEquals(branch.template(), branch.name());
        try (Connection connection = branch.connect()) {
            connection.createStatement().executeUpdate("INSERT INTO note VALUES (" + id + ", 'one')");
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT count(*) FROM note")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }
}
