package dev.graft.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** A bad migration or seed fails the tests with file, line and statement, and leaves no database. */
class FailureTest {

    @GraftDatabase(migrations = "classpath:bad-migration")
    static class BadMigration {
        @Test
        void first(Connection connection) {
        }

        @Test
        void second(Connection connection) {
        }
    }

    @GraftDatabase(migrations = "classpath:db/migration", seed = {"classpath:seed.sql", "classpath:bad-seed.sql"})
    static class BadSeed {
        @Test
        void only(Connection connection) {
        }
    }

    @GraftDatabase(migrations = "classpath:no/such/folder")
    static class MissingLocation {
        @Test
        void only(Connection connection) {
        }
    }

    @GraftDatabase(migrations = "classpath:db/migration", keepOnFailure = true)
    static class KeptOnFailure {
        @Test
        void fails(Connection connection) throws SQLException {
            Samples.execute(connection, "INSERT INTO customer (name) VALUES ('evidence')");
            throw new AssertionError("boom");
        }
    }

    @GraftDatabase(migrations = "classpath:db/migration", keepOnFailure = false)
    static class DroppedOnFailure {
        static String name;

        @Test
        void fails(GraftBranch branch) {
            name = branch.name();
            throw new AssertionError("boom");
        }
    }

    @Test
    void aFailingMigrationNamesFileLineAndStatementInEveryTest() {
        EngineExecutionResults results = Samples.run(BadMigration.class);
        results.testEvents().assertStatistics(s -> s.started(2).failed(2));
        results.testEvents().assertThatEvents().haveExactly(2, event(test(), finishedWithFailure(
                instanceOf(GraftDatabaseException.class),
                message(m -> m.contains("V2__add_email.sql:2: ERROR: relation \"customers\" does not exist")
                        && m.contains("in statement \"ALTER TABLE customers ADD CONSTRAINT email_unique UNIQUE (email)\"")
                        && m.startsWith("migration failed: ")))));
        assertNothingLeftOf(BadMigration.class);
    }

    @Test
    void aFailingSeedNamesFileLineAndStatement() {
        EngineExecutionResults results = Samples.run(BadSeed.class);
        results.testEvents().assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
                instanceOf(GraftDatabaseException.class),
                message(m -> m.startsWith("seed failed: classpath:bad-seed.sql:3: ERROR: relation \"supplier\" does not exist")
                        && m.contains("in statement \"INSERT INTO supplier (name) VALUES ('Acme')\"")))));
        assertNothingLeftOf(BadSeed.class);
    }

    @Test
    void aMissingLocationIsReported() {
        Samples.run(MissingLocation.class).testEvents().assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
                instanceOf(GraftDatabaseException.class),
                message(m -> m.contains("migrations location \"classpath:no/such/folder\" holds no files")))));
    }

    @Test
    void theBranchOfAFailedTestIsKeptAndNamedWhenAsked() throws SQLException {
        EngineExecutionResults results = Samples.run(KeptOnFailure.class);
        results.testEvents().assertStatistics(s -> s.failed(1));
        Map<String, String> entry = results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs()).findFirst().orElseThrow();
        String name = entry.get("graft.kept.branch");
        assertThat(entry.get("graft.kept.url")).endsWith("/" + name);
        var kept = Samples.engine().get(name).orElseThrow();
        try (Connection connection = kept.connect()) {
            assertThat(Samples.count(connection, "SELECT count(*) FROM customer WHERE name = 'evidence'")).isEqualTo(1);
        } finally {
            kept.close();
        }
    }

    @Test
    void theBranchOfAFailedTestIsDroppedByDefault() {
        EngineExecutionResults results = Samples.run(DroppedOnFailure.class);
        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(results.allEvents().reportingEntryPublished().stream().map(Event::getType)).isEmpty();
        assertThat(Samples.branchNames()).doesNotContain(DroppedOnFailure.name);
    }

    private static void assertNothingLeftOf(Class<?> sample) {
        TemplateContent content = TemplateContent.read(DatabaseSettings.of(sample.getAnnotation(GraftDatabase.class)),
                sample.getClassLoader());
        assertThat(Samples.branchNames()).as("no template, no stage")
                .doesNotContain(content.templateName())
                .noneMatch(n -> n.startsWith("graft_s_" + content.contentHash()));
    }
}
