package dev.graft.junit;

import static dev.graft.junit.Samples.count;
import static dev.graft.junit.Samples.execute;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Runs under the build itself: the extension as users meet it. */
@GraftDatabase(migrations = "classpath:db/migration", seed = "classpath:seed.sql")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IsolationTest {

    private static final Set<String> BRANCHES = ConcurrentHashMap.newKeySet();

    @Test
    @Order(1)
    void aTestStartsFromTheMigratedSeededTemplate(Connection connection, GraftBranch branch) throws SQLException {
        BRANCHES.add(branch.name());
        assertThat(count(connection, "SELECT count(*) FROM customer")).isEqualTo(2);
        assertThat(count(connection, "SELECT count(*) FROM orders")).isEqualTo(1);
        assertThat(count(connection, "SELECT count(*) FROM flyway_schema_history WHERE success")).isEqualTo(2);
        assertThat(count(connection, "SELECT count(*) FROM pg_tables WHERE tablename = 'graft_seed_history'")).isZero();
    }

    @Test
    @Order(2)
    void aWriteStaysInItsOwnBranch(Connection connection, GraftBranch branch) throws SQLException {
        BRANCHES.add(branch.name());
        execute(connection, "INSERT INTO customer (name) VALUES ('Linus')");
        execute(connection, "DELETE FROM orders");
        assertThat(count(connection, "SELECT count(*) FROM customer")).isEqualTo(3);
    }

    @Test
    @Order(3)
    void theNextTestDoesNotSeeIt(Connection connection, GraftBranch branch) throws SQLException {
        BRANCHES.add(branch.name());
        assertThat(count(connection, "SELECT count(*) FROM customer WHERE name = 'Linus'")).isZero();
        assertThat(count(connection, "SELECT count(*) FROM orders")).isEqualTo(1);
        assertThat(BRANCHES).hasSize(3);
    }
}
