package dev.graft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

// The example of README-SNIPPET.md, line for line: keep the two the same.
@GraftDatabase(migrations = "classpath:db/migration", seed = "classpath:seed.sql")
class ReadmeExampleTest {

    @Test
    void everyTestGetsItsOwnSeededDatabase(Connection db) throws SQLException {
        ResultSet rs = db.createStatement().executeQuery("SELECT count(*) FROM customer");
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(2);
    }
}
