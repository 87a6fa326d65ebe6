package dev.graft.benchmarks.junit;

import dev.graft.junit.GraftBranch;
import dev.graft.junit.GraftDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test classes the benchmark runs through the JUnit Platform: each test waits for its branch,
 * checks it, and then works for {@link #TEST_BODY_MILLIS} ms, as a small database test might.
 */
final class BenchSamples {

    /** The work a test does after it has its database, during which the pool prepares the next one. */
    static final long TEST_BODY_MILLIS = 100;
    static final int SMALL_RUNS = 60;
    static final int LARGE_RUNS = 20;
    static volatile String template;

    private BenchSamples() {
    }

    static void body(GraftBranch branch) throws SQLException, InterruptedException {
        Timing.stop();
        template = branch.template();
        try (Connection connection = branch.connect()) {
            connection.createStatement().execute("SELECT count(*) FROM payload WHERE id < 10");
        }
        Thread.sleep(TEST_BODY_MILLIS);
    }

    @ExtendWith(Timing.class)
    @GraftDatabase(migrations = "classpath:bench/small", pool = 2)
    static class SmallPooled {
        @RepeatedTest(SMALL_RUNS)
        void test(GraftBranch branch) throws Exception {
            body(branch);
        }
    }

    @ExtendWith(Timing.class)
    @GraftDatabase(migrations = "classpath:bench/small", pool = 0)
    static class SmallUnpooled {
        @RepeatedTest(SMALL_RUNS)
        void test(GraftBranch branch) throws Exception {
            body(branch);
        }
    }

    @ExtendWith(Timing.class)
    @GraftDatabase(migrations = "classpath:bench/large", pool = 2)
    static class LargePooled {
        @RepeatedTest(LARGE_RUNS)
        void test(GraftBranch branch) throws Exception {
            body(branch);
        }
    }

    @ExtendWith(Timing.class)
    @GraftDatabase(migrations = "classpath:bench/large", pool = 0)
    static class LargeUnpooled {
        @RepeatedTest(LARGE_RUNS)
        void test(GraftBranch branch) throws Exception {
            body(branch);
        }
    }
}
