package dev.graft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** @GraftDatabase(parent = ...): tests get branches of an existing database with the migrations on top. */
class ParentTest {

    static final String PARENT = "junit_parent_production";

    /** The embedded engine, but refusing seeds the way cloud engines do, so the in-place build is used. */
    static final class NoSeedEngine extends DelegatingEngine {
        NoSeedEngine() {
            super("no-seed");
        }

        @Override
        public boolean canSeed() {
            return false;
        }

        @Override
        public Branch create(BranchSpec spec) {
            if (!(spec.seed() instanceof Seed.None)) {
                throw new IllegalStateException("this engine cannot seed");
            }
            return super.create(spec);
        }
    }

    @BeforeAll
    static void production() {
        Samples.engine().create(BranchSpec.root(PARENT).ifExists(IfExists.REPLACE)
                .seed(Seed.sql("CREATE TABLE legacy_orders (id int PRIMARY KEY); INSERT INTO legacy_orders SELECT generate_series(1, 42);"))
                .build());
    }

    @GraftDatabase(parent = PARENT, migrations = "classpath:db/migration", pool = 0)
    static class OnTheTemplateEngine {
        @Test
        void seesTheParentsRowsAndTheMigrations(Connection db) throws SQLException {
            assertThat(Samples.count(db, "SELECT count(*) FROM legacy_orders")).isEqualTo(42);
            assertThat(Samples.count(db, "SELECT count(*) FROM flyway_schema_history WHERE success")).isPositive();
            Samples.execute(db, "DELETE FROM legacy_orders");
        }

        @Test
        void andItsOwnCopyOfThem(Connection db) throws SQLException {
            assertThat(Samples.count(db, "SELECT count(*) FROM legacy_orders")).isEqualTo(42);
            Samples.execute(db, "DELETE FROM legacy_orders");
        }
    }

    @GraftDatabase(parent = PARENT, migrations = "classpath:db/migration", pool = 0)
    static class OnAnEngineThatCannotSeed {
        @GraftEngine
        static final NoSeedEngine ENGINE = new NoSeedEngine();

        @Test
        void seesTheParentsRowsAndTheMigrations(Connection db) throws SQLException {
            assertThat(Samples.count(db, "SELECT count(*) FROM legacy_orders")).isEqualTo(42);
            assertThat(Samples.count(db, "SELECT count(*) FROM flyway_schema_history WHERE success")).isPositive();
        }
    }

    /** What the Maven goals make from graft.parentSeed: the parent's name, then the seed's hash. */
    static final String SEEDED = "junit_seeded_parent";

    @GraftDatabase(parent = SEEDED, pool = 0)
    static class OnAParentTheGoalsLoaded {
        @Test
        void seesTheNewestLoadOfIt(Connection db) throws SQLException {
            assertThat(Samples.count(db, "SELECT count(*) FROM loaded")).isEqualTo(2);
        }
    }

    @GraftDatabase(parent = "no_such_parent", pool = 0)
    static class MissingParent {
        @Test
        void neverRuns(Connection db) {
        }
    }

    @Test
    void testsBranchAParentWithTheMigrationsOnTop() throws SQLException {
        Samples.run(OnTheTemplateEngine.class).testEvents().assertStatistics(s -> s.succeeded(2));
        try (Branch parent = Samples.engine().get(PARENT).orElseThrow(); Connection c = parent.connect()) {
            assertThat(Samples.count(c, "SELECT count(*) FROM legacy_orders")).isEqualTo(42);
        }
    }

    @Test
    void aParentLoadedFromASeedIsFoundByItsPlainName() throws InterruptedException {
        Samples.engine().create(BranchSpec.root(SEEDED + "_0a1b2c3d").ifExists(IfExists.REPLACE)
                .seed(Seed.sql("CREATE TABLE loaded (v int); INSERT INTO loaded VALUES (1);")).build());
        Thread.sleep(20);
        Samples.engine().create(BranchSpec.root(SEEDED + "_9f8e7d6c").ifExists(IfExists.REPLACE)
                .seed(Seed.sql("CREATE TABLE loaded (v int); INSERT INTO loaded VALUES (1), (2);")).build());
        // a name that only starts alike is not the parent
        Samples.engine().create(BranchSpec.root(SEEDED + "_0a1b2c3d_x").ifExists(IfExists.REPLACE).build());
        Samples.run(OnAParentTheGoalsLoaded.class).testEvents().assertStatistics(s -> s.succeeded(1));
    }

    @Test
    void anEngineThatCannotSeedGetsTheTemplateBuiltInPlace() {
        Samples.run(OnAnEngineThatCannotSeed.class).testEvents().assertStatistics(s -> s.succeeded(1));
    }

    @Test
    void aMissingParentIsNamed() {
        Samples.run(MissingParent.class).testEvents().assertThatEvents().haveExactly(1,
                org.junit.platform.testkit.engine.EventConditions.event(
                        org.junit.platform.testkit.engine.EventConditions.finishedWithFailure(
                                org.junit.platform.testkit.engine.TestExecutionResultConditions.message(m ->
                                        m.contains("parent = \"no_such_parent\"") && m.contains("has no such database")
                                                && m.contains("mvn graft:branch") && !m.contains("BranchSpec")))));
    }
}
