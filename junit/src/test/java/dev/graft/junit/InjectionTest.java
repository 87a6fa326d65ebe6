package dev.graft.junit;

import static dev.graft.junit.Samples.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every parameter type, in test and lifecycle methods, names the same branch of one test. */
@GraftDatabase(migrations = "classpath:db/migration", seed = "classpath:seed.sql")
class InjectionTest {

    private GraftBranch before;

    @BeforeEach
    void insertInSetUp(GraftBranch branch, Connection connection) throws SQLException {
        before = branch;
        Samples.execute(connection, "INSERT INTO customer (name) VALUES ('from set-up')");
    }

    @Test
    void everyParameterTypeReachesTheSameBranch(DataSource dataSource, Connection connection, @GraftUrl String url,
                                                GraftBranch branch) throws SQLException {
        assertThat(branch).isEqualTo(before);
        assertThat(url).isEqualTo(branch.jdbcUrl()).endsWith("/" + branch.name());
        assertThat(database(connection)).isEqualTo(branch.name());
        try (Connection other = dataSource.getConnection()) {
            assertThat(database(other)).isEqualTo(branch.name());
        }
        try (Connection byUrl = java.sql.DriverManager.getConnection(url, branch.user(), branch.password())) {
            assertThat(count(byUrl, "SELECT count(*) FROM customer WHERE name = 'from set-up'")).isEqualTo(1);
        }
        assertThat(branch.template()).startsWith("graft_t_");
        assertThat(branch.toString()).doesNotContain("password");
    }

    @Test
    void theConnectionIsTheSameOneAllTestLong(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        Samples.execute(connection, "INSERT INTO customer (name) VALUES ('uncommitted')");
        assertThat(count(connection, "SELECT count(*) FROM customer")).isEqualTo(4);
    }

    @AfterEach
    void theBranchIsStillThereAfterTheTest(Connection connection) throws SQLException {
        assertThat(database(connection)).isEqualTo(before.name());
    }

    private static String database(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
