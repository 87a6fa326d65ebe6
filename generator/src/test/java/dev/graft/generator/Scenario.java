package dev.graft.generator;

import dev.graft.branch.Branch;
import dev.graft.catalog.Catalog;
import dev.graft.catalog.Migration;
import dev.graft.generator.render.SqlFileRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A catalog written to a temporary folder, generated, and migrated with stock Flyway on a
 * branch: the harness of the refactoring tests.
 */
public final class Scenario implements AutoCloseable {

    private final Path root;
    private final Map<String, String> files = new TreeMap<>();
    private final Branch branch;
    private Catalog catalog;
    private List<GeneratedFile> generated;
    private int runs;

    private Scenario(String name) {
        try {
            this.root = Files.createTempDirectory("graft-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.branch = TestDatabase.branch(name);
    }

    private Scenario(Scenario parent, Branch branch) {
        this.root = parent.root;
        this.files.putAll(parent.files);
        this.catalog = parent.catalog;
        this.generated = parent.generated;
        this.branch = branch;
    }

    /** The same catalog and generated files on a branch of this scenario's database as it is now. */
    public Scenario fork(String name) {
        return new Scenario(this, TestDatabase.branchOf(branch, name));
    }

    public static Scenario named(String name) {
        return new Scenario(name);
    }

    /** A scenario with catalog files V1, V2, ... holding the given YAML texts. */
    public static Scenario of(String name, String... versions) {
        Scenario s = new Scenario(name);
        for (int i = 0; i < versions.length; i++) {
            s.file("V" + (i + 1) + "__step_" + (i + 1) + ".yaml", versions[i]);
        }
        return s;
    }

    /** Adds a catalog file. */
    public Scenario file(String fileName, String yaml) {
        files.put(fileName, yaml);
        catalog = null;
        return this;
    }

    public Path catalogDirectory() {
        return root.resolve("graft");
    }

    public GeneratorConfig config() {
        return GeneratorConfig.builder().sqlOutput(root.resolve("sql")).javaOutput(root.resolve("java")).build();
    }

    public Catalog catalog() {
        if (catalog == null) {
            try {
                Files.createDirectories(catalogDirectory());
                for (Map.Entry<String, String> f : files.entrySet()) {
                    Files.writeString(catalogDirectory().resolve(f.getKey()), f.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catalog = Catalog.read(catalogDirectory());
        }
        return catalog;
    }

    /** Generates every file (into the scenario's folders). */
    public List<GeneratedFile> generate() {
        if (generated == null) {
            Generator.forCatalog(catalog()).generate(config());
            generated = Generator.forCatalog(catalog()).render(config());
        }
        return generated;
    }

    /** The text of the generated SQL file of a version. */
    public String sql(String version) {
        return generate().stream().filter(f -> f.kind() == GeneratedFile.Kind.SQL
                && f.migration().version().toString().equals(version)).findFirst().orElseThrow().content();
    }

    /**
     * The statements of a version's SQL file, in order, as Flyway and {@code psql} run them:
     * {@code SET lock_timeout}, one per step, {@code RESET lock_timeout}.
     */
    public List<String> statements(String version) {
        generate();
        Migration migration = catalog().migrations().stream().filter(m -> m.version().toString().equals(version))
                .findFirst().orElseThrow();
        List<String> statements = new ArrayList<>();
        statements.add(SqlFileRenderer.lockTimeout(config().lockTimeout()));
        statements.addAll(SqlFileRenderer.statements(Generator.forCatalog(catalog()).plan(migration, config())));
        statements.add("RESET lock_timeout;");
        return statements;
    }

    /** Runs statements one by one in autocommit, as a migration interrupted after them would have. */
    public void run(List<String> statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Runs Flyway up to {@code target} with the given history table (a new table runs every file again). */
    public void migrate(String target, String history, JavaMigration... java) {
        generate();
        flyway()
                .dataSource(branch.jdbcUrl(), branch.user(), branch.password())
                .locations("filesystem:" + config().sqlOutput())
                .javaMigrations(java)
                .table(history)
                .target(MigrationVersion.fromVersion(target))
                .load()
                .migrate();
    }

    /**
     * Runs the files after {@code after} up to {@code target} again, as stock Flyway does with a
     * fresh history table baselined at {@code after}.
     */
    public void migrateAgain(String after, String target, JavaMigration... java) {
        flyway()
                .dataSource(branch.jdbcUrl(), branch.user(), branch.password())
                .locations("filesystem:" + config().sqlOutput())
                .javaMigrations(java)
                .table("flyway_again_" + (++runs))
                .baselineOnMigrate(true)
                .baselineVersion(after)
                .target(MigrationVersion.fromVersion(target))
                .load()
                .migrate();
    }

    /** Applies up to {@code target}, then its files after {@code after} again; returns whether nothing changed. */
    public void applyTwice(String after, String target, JavaMigration... java) throws SQLException {
        migrate(target, "flyway_schema_history", java);
        List<String> schema = schema();
        List<String> data = data();
        migrateAgain(after, target, java);
        org.assertj.core.api.Assertions.assertThat(schema()).as("schema after running again").isEqualTo(schema);
        org.assertj.core.api.Assertions.assertThat(data()).as("data after running again").isEqualTo(data);
    }

    /**
     * Stock Flyway, with its PostgreSQL lock taken at session level: CREATE INDEX CONCURRENTLY
     * otherwise waits for Flyway's own lock transaction (Flyway's documented setting).
     */
    private static FluentConfiguration flyway() {
        FluentConfiguration configuration = Flyway.configure();
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return configuration;
    }

    /** The scenario's database. */
    public Branch branch() {
        return branch;
    }

    /** The generated SQL file of a version (after {@link #generate()}). */
    public Path sqlFile(String version) {
        return generate().stream().filter(f -> f.kind() == GeneratedFile.Kind.SQL
                && f.migration().version().toString().equals(version)).findFirst().orElseThrow().path();
    }

    public Connection connect() throws SQLException {
        return branch.dataSource().getConnection();
    }

    /** Runs SQL on the branch. */
    public void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of every row. */
    public List<String> query(String sql) throws SQLException {
        try (Connection c = connect()) {
            return Snapshot.query(c, sql);
        }
    }

    public List<String> schema() throws SQLException {
        try (Connection c = connect()) {
            return Snapshot.schema(c);
        }
    }

    public List<String> data() throws SQLException {
        try (Connection c = connect()) {
            return Snapshot.data(c);
        }
    }

    @Override
    public void close() {
        branch.close();
    }
}
