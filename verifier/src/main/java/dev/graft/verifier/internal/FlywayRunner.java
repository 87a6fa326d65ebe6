package dev.graft.verifier.internal;

import dev.graft.catalog.Catalog;
import dev.graft.catalog.Migration;
import dev.graft.catalog.Version;
import dev.graft.verifier.sql.StatementSplitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import dev.graft.verifier.snapshot.SqlNames;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import dev.graft.branch.FlywayLogging;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Stock Flyway, configured once for every branch: the request's locations, a baseline for a parent
 * that has data but no history, tolerance for applied migrations whose files are not in the
 * locations (a parent copied from production knows versions the request may not carry), and
 * session-level advisory locks so {@code CREATE INDEX CONCURRENTLY} does not wait for Flyway itself.
 *
 * @param locations   the Flyway locations
 * @param classLoader where {@code classpath:} locations and Java migrations are found
 */
public record FlywayRunner(List<String> locations, ClassLoader classLoader) {

    public FlywayRunner {
        locations = List.copyOf(locations);
        java.util.Objects.requireNonNull(classLoader, "classLoader == null");
    }

    /** Over the locations, finding classes and resources with the verifier's own class loader. */
    public FlywayRunner(List<String> locations) {
        this(locations, FlywayRunner.class.getClassLoader());
    }

    private FluentConfiguration configure(DataSource dataSource) {
        // Flyway's transactional advisory lock holds a snapshot that CREATE INDEX CONCURRENTLY waits for
        // forever (postgresql.transactional.lock); Flyway documents turning it off for that case.
        FluentConfiguration configuration = Flyway.configure(classLoader).loggers(FlywayLogging.LOGGERS).dataSource(dataSource)
                .locations(locations.toArray(String[]::new)).outputQueryResults(false)
                .baselineOnMigrate(true).baselineVersion("0").ignoreMigrationPatterns("*:missing", "*:future")
                .cleanDisabled(true);
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return configuration;
    }

    /** Flyway configured as for every branch, over {@code dataSource}: what a deployment applies with too. */
    public FluentConfiguration configuration(DataSource dataSource) {
        return configure(dataSource);
    }

    /** Applies every pending migration up to and including {@code version}. */
    public void migrate(DataSource dataSource, String version) {
        configure(dataSource).target(version).load().migrate();
    }

    /**
     * Applies every pending migration up to and including {@code version}, like {@link #migrate}, and
     * returns how many transactions migration {@code version} itself committed: its commit boundaries
     * (see {@link CommitCountingDataSource}). A migration Flyway runs in one transaction of its own
     * commits none itself and has 0.
     *
     * @throws IllegalStateException if migration {@code version} is not pending
     */
    public int migrateCountingCommits(DataSource dataSource, String version) {
        CommitCountingDataSource counted = new CommitCountingDataSource(dataSource, 0);
        configure(counted).callbacks(counted.watching(version)).target(version).load().migrate();
        requireRan(counted, version);
        return counted.boundaries();
    }

    /**
     * Applies every pending migration up to {@code version}, but stops migration {@code version} right
     * after its {@code k}-th committed transaction, leaving the database as a JVM crashing at that
     * moment would: what the migration committed stays, and it has no history row, so the next
     * {@link #migrate} runs it again from the start.
     *
     * <pre>{@code
     * int boundaries = runner.migrateCountingCommits(clean.dataSource(), "2");
     * for (int k = 1; k <= boundaries; k++) {
     *     runner.migrateInterruptedAfter(copies.get(k).dataSource(), "2", k); // the crash
     *     runner.migrate(copies.get(k).dataSource(), "2");                   // the restart
     * }
     * }</pre>
     *
     * @return {@code true} if it was stopped; {@code false} if it finished with fewer than {@code k} commits
     * @throws IllegalStateException if migration {@code version} is not pending
     */
    public boolean migrateInterruptedAfter(DataSource dataSource, String version, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k < 1: " + k);
        }
        CommitCountingDataSource counted = new CommitCountingDataSource(dataSource, k);
        try {
            configure(counted).callbacks(counted.watching(version)).target(version).load().migrate();
        } catch (FlywayException e) {
            // Once stopped, every call the migration makes fails, so any failure now is the interruption.
            if (!counted.interrupted()) {
                throw e;
            }
        }
        requireRan(counted, version);
        if (counted.interrupted()) {
            // A crash records no run. Flyway may have: a successful one if the migration swallowed the
            // interruption, a failed one where it records failed non-transactional runs (Flyway 13 on
            // PostgreSQL does not). Deleting the row by hand, not with Flyway's repair(), leaves the rows
            // of other migrations alone: repair() also realigns checksums and marks missing ones deleted.
            deleteHistoryRows(dataSource, version);
        }
        return counted.interrupted();
    }

    /**
     * Removes the history row of applied migration {@code version}, and only it, so that the next
     * {@link #migrate} runs that migration a second time.
     *
     * @throws IllegalStateException if {@code version} has no history row
     */
    public void forget(DataSource dataSource, String version) {
        if (deleteHistoryRows(dataSource, version) == 0) {
            throw new IllegalStateException("migration " + version + " is not in the schema history");
        }
    }

    private static void requireRan(CommitCountingDataSource counted, String version) {
        if (!counted.ran()) {
            throw new IllegalStateException("migration " + version + " is not pending");
        }
    }

    /** Deletes the history rows of {@code version} found through Flyway's info; returns how many. */
    private int deleteHistoryRows(DataSource dataSource, String version) {
        MigrationVersion wanted = MigrationVersion.fromVersion(version);
        Flyway flyway = configure(dataSource).load();
        List<Integer> ranks = new ArrayList<>();
        for (MigrationInfo info : flyway.info().all()) {
            if (wanted.equals(info.getVersion()) && info.getInstalledRank() != null) {
                ranks.add(info.getInstalledRank());
            }
        }
        if (ranks.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection()) {
            String table = SqlNames.qualified(historySchema(flyway.getConfiguration(), connection),
                    flyway.getConfiguration().getTable());
            int deleted = 0;
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE installed_rank = ?")) {
                for (int rank : ranks) {
                    delete.setInt(1, rank);
                    deleted += delete.executeUpdate();
                }
            }
            return deleted;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete the history row of migration " + version, e);
        }
    }

    /** Where Flyway keeps its history: the default schema, else the first schema, else the current one. */
    private static String historySchema(Configuration configuration, Connection connection) throws SQLException {
        if (configuration.getDefaultSchema() != null) {
            return configuration.getDefaultSchema();
        }
        if (configuration.getSchemas().length > 0) {
            return configuration.getSchemas()[0];
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT current_schema()");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The migrations Flyway would apply to the database behind {@code dataSource}, in order. */
    public List<PendingMigration> pending(DataSource dataSource, Optional<Catalog> catalog) {
        List<PendingMigration> pending = new ArrayList<>();
        for (MigrationInfo info : configure(dataSource).load().info().pending()) {
            if (info.getVersion() == null) {
                continue;
            }
            String version = info.getVersion().getVersion();
            Optional<Migration> model = catalog.flatMap(c -> c.migrations().stream()
                    .filter(m -> m.version().equals(Version.parse(version))).findFirst());
            Optional<Path> file = Optional.ofNullable(info.getPhysicalLocation()).filter(p -> !p.isBlank())
                    .map(Path::of).filter(p -> p.toString().endsWith(".sql") && Files.isRegularFile(p));
            String sql = file.map(FlywayRunner::read).orElse("");
            pending.add(new PendingMigration(version, info.getScript(), file, sql, StatementSplitter.split(sql),
                    GeneratedHeader.origin(sql), model));
        }
        return pending;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
