package dev.graft.examples.refactorings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.embedded.EmbeddedConfig;
import dev.graft.branch.embedded.EmbeddedEngine;
import dev.graft.verifier.snapshot.ObjectKind;
import dev.graft.verifier.snapshot.SchemaDiff;
import dev.graft.verifier.snapshot.SchemaObject;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #18's proof: the catalog in {@code src/main/graft}, generated into
 * {@code src/main/resources/db/migration} and applied with stock Flyway (every {@code complete}
 * included), ends in the same schema as the hand-written DDL in {@code plain/}, applied in version
 * order. Graft's own helpers and Flyway's history table are not part of the comparison. Every file
 * either folder gains later takes part without a change here.
 */
class PlainDdlEquivalenceTest {

    private static EmbeddedEngine engine;

    @BeforeAll
    static void startServer() {
        Path data = Path.of(System.getProperty("graft.dataDirectory", "target/graft/postgres"));
        engine = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(data).build());
    }

    @AfterAll
    static void stopServer() {
        if (engine != null) {
            engine.stopServer();
        }
    }

    @Test
    void catalogEndsInTheSchemaOfThePlainDdl() throws SQLException {
        try (Branch graft = fresh("refactorings_graft"); Branch plain = fresh("refactorings_plain")) {
            flyway(graft.dataSource(), "classpath:db/migration").load().migrate();
            flyway(plain.dataSource(), "filesystem:" + plainFolder()).load().migrate();

            SchemaSnapshot expected = snapshot(plain);
            // not users(): a Graft helper left behind means a transition without its complete, which plain DDL never has
            SchemaDiff diff = expected.diff(snapshot(graft)).without(PlainDdlEquivalenceTest::flywayHistory);

            assertThat(expected.find(ObjectKind.TABLE, "public.customer")).as("the plain DDL's customer table").isPresent();
            assertThat(diff.lines()).as("the catalog's schema (+) against the plain DDL's (-)").isEmpty();
        }
    }

    @Test
    void everyPlainScriptHasItsCatalogFile() throws IOException {
        List<String> plain = versions(plainFolder(), ".sql");
        List<String> catalog = versions(Path.of("src/main/graft"), ".yaml");

        assertThat(catalog).as("catalog versions with a plain DDL twin").containsAll(plain);
    }

    @Test
    void reapplyingTheGeneratedMigrationsChangesNothing() throws SQLException {
        try (Branch graft = fresh("refactorings_twice")) {
            flyway(graft.dataSource(), "classpath:db/migration").load().migrate();
            SchemaSnapshot once = snapshot(graft);
            flyway(graft.dataSource(), "classpath:db/migration").load().repair();
            try (Connection c = graft.connect()) {
                c.createStatement().execute("DELETE FROM flyway_schema_history");
            }
            flyway(graft.dataSource(), "classpath:db/migration").baselineOnMigrate(false).load().migrate();

            assertThat(once.diff(snapshot(graft)).without(PlainDdlEquivalenceTest::flywayHistory).lines()).isEmpty();
        }
    }

    private static Branch fresh(String name) {
        return engine.create(BranchSpec.root(name).ifExists(IfExists.REPLACE).build());
    }

    /** Stock Flyway, its PostgreSQL lock at session level so that CREATE INDEX CONCURRENTLY does not wait for it. */
    private static FluentConfiguration flyway(DataSource dataSource, String location) {
        FluentConfiguration configuration = Flyway.configure().dataSource(dataSource).locations(location);
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return configuration;
    }

    private static SchemaSnapshot snapshot(Branch branch) throws SQLException {
        try (Connection c = branch.connect()) {
            return SchemaSnapshot.read(c);
        }
    }

    private static boolean flywayHistory(SchemaObject object) {
        return object.name().contains("flyway_schema_history");
    }

    private static Path plainFolder() {
        return Path.of(System.getProperty("refactorings.plain", "plain"));
    }

    private static List<String> versions(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("V") && n.endsWith(suffix))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted().toList();
        }
    }
}
