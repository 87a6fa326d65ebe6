package dev.graft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A template is reused while its migrations are unchanged, and rebuilt (the old one dropped) when one changes. */
class TemplateLifecycleTest {

    private static final String FOLDER = "graft-changing-migrations";

    @GraftDatabase(migrations = "classpath:" + FOLDER)
    static class OnChangingMigrations {
        static GraftBranch seen;
        static long extraTables;

        @Test
        void record(GraftBranch branch, Connection connection) throws SQLException {
            seen = branch;
            extraTables = Samples.count(connection, "SELECT count(*) FROM pg_tables WHERE tablename = 'extra'");
        }
    }

    private Path migrations;

    @BeforeEach
    void startFromOneMigration() throws IOException, URISyntaxException {
        // a folder on the test class path, so the classpath: location sees every edit at once
        migrations = Path.of(TemplateLifecycleTest.class.getResource("/").toURI()).resolve(FOLDER);
        if (Files.exists(migrations)) {
            try (Stream<Path> files = Files.walk(migrations)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("V1__thing.sql"), "CREATE TABLE thing (id int PRIMARY KEY);\n");
    }

    @Test
    void anUnchangedTemplateIsReusedAndAChangedOneRebuilt() throws IOException {
        GraftBranch first = runAsANewJvmWould();
        Instant created = createdAt(first.template());

        GraftBranch again = runAsANewJvmWould();
        assertThat(again.template()).isEqualTo(first.template());
        assertThat(createdAt(again.template())).as("reused, not rebuilt").isEqualTo(created);
        assertThat(OnChangingMigrations.extraTables).isZero();

        Files.writeString(migrations.resolve("V2__extra.sql"), "CREATE TABLE extra (id int);\n");
        GraftBranch changed = runAsANewJvmWould();
        assertThat(changed.template()).isNotEqualTo(first.template());
        assertThat(OnChangingMigrations.extraTables).isEqualTo(1);
        assertThat(Samples.branchNames()).as("the superseded template is dropped")
                .contains(changed.template()).doesNotContain(first.template());
    }

    @Test
    void anEditedMigrationAlsoChangesTheTemplate() throws IOException {
        GraftBranch first = runAsANewJvmWould();
        Files.writeString(migrations.resolve("V1__thing.sql"), "CREATE TABLE thing (id bigint PRIMARY KEY);\n");
        assertThat(runAsANewJvmWould().template()).isNotEqualTo(first.template());
    }

    private static GraftBranch runAsANewJvmWould() {
        Templates.forget();
        OnChangingMigrations.seen = null;
        Samples.run(OnChangingMigrations.class).testEvents().assertStatistics(s -> s.succeeded(1));
        return OnChangingMigrations.seen;
    }

    private static Instant createdAt(String template) {
        return Samples.engine().get(template).map(Branch::info).orElseThrow().createdAt();
    }
}
