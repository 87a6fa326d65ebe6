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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Stock Flyway, configured once for every branch: the request's locations, a baseline for a parent
 * that has data but no history, tolerance for applied migrations whose files are not in the
 * locations (a parent copied from production knows versions the request may not carry), and
 * session-level advisory locks so {@code CREATE INDEX CONCURRENTLY} does not wait for Flyway itself.
 *
 * @param locations the Flyway locations
 */
public record FlywayRunner(List<String> locations) {

    private static final Pattern GENERATED = Pattern.compile("(?m)^-- generator: graft \\S+$");

    public FlywayRunner {
        locations = List.copyOf(locations);
    }

    private FluentConfiguration configure(DataSource dataSource) {
        // Flyway's transactional advisory lock holds a snapshot that CREATE INDEX CONCURRENTLY waits for
        // forever (postgresql.transactional.lock); Flyway documents turning it off for that case.
        FluentConfiguration configuration = Flyway.configure().dataSource(dataSource)
                .locations(locations.toArray(String[]::new)).outputQueryResults(false)
                .baselineOnMigrate(true).baselineVersion("0").ignoreMigrationPatterns("*:missing", "*:future")
                .cleanDisabled(true);
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return configuration;
    }

    /** Applies every pending migration up to and including {@code version}. */
    public void migrate(DataSource dataSource, String version) {
        configure(dataSource).target(version).load().migrate();
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
                    GENERATED.matcher(sql).find(), model));
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
