package dev.graft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Under JUnit's parallel execution, tests run at the same time, each on its own branch. */
class ParallelTest {

    @GraftDatabase(migrations = "classpath:db/migration", seed = "classpath:seed.sql", pool = 2)
    static class Concurrent {
        static final AtomicInteger RUNNING = new AtomicInteger();
        static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();
        static final Set<String> BRANCHES = ConcurrentHashMap.newKeySet();

        @Test
        void one(Connection connection, GraftBranch branch) throws Exception {
            writeAndSeeOnlyOwnRow(connection, branch, "one");
        }

        @Test
        void two(Connection connection, GraftBranch branch) throws Exception {
            writeAndSeeOnlyOwnRow(connection, branch, "two");
        }

        @Test
        void three(Connection connection, GraftBranch branch) throws Exception {
            writeAndSeeOnlyOwnRow(connection, branch, "three");
        }

        @Test
        void four(Connection connection, GraftBranch branch) throws Exception {
            writeAndSeeOnlyOwnRow(connection, branch, "four");
        }

        @Test
        void five(Connection connection, GraftBranch branch) throws Exception {
            writeAndSeeOnlyOwnRow(connection, branch, "five");
        }

        @Test
        void six(Connection connection, GraftBranch branch) throws Exception {
            writeAndSeeOnlyOwnRow(connection, branch, "six");
        }

        private static void writeAndSeeOnlyOwnRow(Connection connection, GraftBranch branch, String who)
                throws SQLException, InterruptedException {
            BRANCHES.add(branch.name());
            int now = RUNNING.incrementAndGet();
            MOST_AT_ONCE.accumulateAndGet(now, Math::max);
            try {
                Samples.execute(connection, "INSERT INTO customer (name) VALUES ('" + who + "')");
                Thread.sleep(300);
                assertThat(Samples.count(connection, "SELECT count(*) FROM customer")).isEqualTo(3);
            } finally {
                RUNNING.decrementAndGet();
            }
        }
    }

    @Test
    void testsRunAtTheSameTimeOnSeparateBranches() {
        Samples.runInParallel(Concurrent.class).testEvents().assertStatistics(s -> s.started(6).succeeded(6));
        assertThat(Concurrent.MOST_AT_ONCE.get()).as("tests that ran at once").isGreaterThanOrEqualTo(2);
        assertThat(Concurrent.BRANCHES).hasSize(6);
    }
}
