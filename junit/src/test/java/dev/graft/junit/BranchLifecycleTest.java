package dev.graft.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** What happens to branches and connections around each test, with and without the pool. */
class BranchLifecycleTest {

    static final List<GraftBranch> BRANCHES = new CopyOnWriteArrayList<>();
    static final List<Connection> CONNECTIONS = new CopyOnWriteArrayList<>();

    @GraftDatabase(migrations = "classpath:db/migration", seed = "classpath:lifecycle-seed.sql", pool = 2)
    static class Pooled {
        @RepeatedTest(4)
        void record(GraftBranch branch, Connection connection) {
            BRANCHES.add(branch);
            CONNECTIONS.add(connection);
        }
    }

    @GraftDatabase(migrations = "classpath:db/migration", seed = "classpath:lifecycle-seed.sql", pool = 0)
    static class Unpooled {
        @RepeatedTest(3)
        void record(GraftBranch branch, Connection connection) {
            BRANCHES.add(branch);
            CONNECTIONS.add(connection);
        }
    }

    @GraftDatabase(migrations = "classpath:db/migration")
    static class ClassLevelInjection {
        @BeforeAll
        static void tooEarly(DataSource dataSource) {
        }

        @Test
        void never() {
        }
    }

    @GraftDatabase(migrations = "classpath:db/migration", seed = "classpath:seed.sql")
    static class MethodOverridesClass {
        @Test
        @GraftDatabase(migrations = "classpath:db/migration")
        void seedless(Connection connection) throws SQLException {
            assertThat(Samples.count(connection, "SELECT count(*) FROM customer")).isZero();
        }

        @Test
        void seeded(Connection connection) throws SQLException {
            assertThat(Samples.count(connection, "SELECT count(*) FROM customer")).isEqualTo(2);
        }
    }

    static class MethodOnly {
        @BeforeEach
        void setUp() {
        }

        @Test
        @GraftDatabase(migrations = "classpath:db/migration", pool = 0)
        void annotated(Connection connection) throws SQLException {
            assertThat(Samples.count(connection, "SELECT count(*) FROM customer")).isZero();
        }
    }

    @BeforeEach
    void clear() {
        BRANCHES.clear();
        CONNECTIONS.clear();
    }

    @Test
    void pooledBranchesAreDroppedAfterTheirTestAndTheSpareOnesAtTheEnd() throws SQLException {
        Samples.run(Pooled.class).testEvents().assertStatistics(s -> s.started(4).succeeded(4));
        assertEverythingWasCleanedUp(4);
    }

    @Test
    void withoutThePoolEachTestMakesItsOwnBranch() throws SQLException {
        Samples.run(Unpooled.class).testEvents().assertStatistics(s -> s.started(3).succeeded(3));
        assertEverythingWasCleanedUp(3);
    }

    @Test
    void aBranchCannotBeInjectedBeforeTheTestMethodHasOne() {
        EngineExecutionResults results = Samples.run(ClassLevelInjection.class);
        results.containerEvents().assertThatEvents().haveExactly(1, event(container(ClassLevelInjection.class),
                finishedWithFailure(instanceOf(ParameterResolutionException.class),
                        message(m -> m.contains("inject it into @Test, @BeforeEach or @AfterEach methods")))));
    }

    @Test
    void aMethodAnnotationReplacesTheClassAnnotation() {
        Samples.run(MethodOverridesClass.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        Samples.run(MethodOnly.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }

    private static void assertEverythingWasCleanedUp(int tests) throws SQLException {
        assertThat(BRANCHES).extracting(GraftBranch::name).doesNotHaveDuplicates().hasSize(tests);
        for (Connection connection : CONNECTIONS) {
            assertThat(connection.isClosed()).as("connection closed after its test").isTrue();
        }
        String prefix = BRANCHES.get(0).name().substring(0, "graft_b_12345678_".length());
        assertThat(Samples.branchNames()).as("no branch of the run left behind").noneMatch(n -> n.startsWith(prefix));
        assertThat(Samples.branchNames()).contains(BRANCHES.get(0).template());
    }
}
