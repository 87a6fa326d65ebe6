package dev.graft.branch.template;

import dev.graft.branch.BranchException;
import dev.graft.branch.Seed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Loads a {@link Seed} into a new database. Scripts go through Flyway's PostgreSQL parser, which
 * knows dollar quoting and {@code COPY ... FROM stdin}; psql meta-commands ({@code \connect},
 * {@code \restrict}, ...) are dropped, since the script always runs in the new database.
 */
final class Seeder {

    private static final String SEED_HISTORY = "graft_seed_history";

    private Seeder() {
    }

    static void apply(Seed seed, String jdbcUrl, String user, String password) {
        if (seed instanceof Seed.Flyway flyway) {
            migrate(jdbcUrl, user, password, flyway.locations().toArray(String[]::new), null);
        } else if (seed instanceof Seed.SqlText text) {
            runScript(text.script(), "inline SQL", jdbcUrl, user, password);
        } else if (seed instanceof Seed.SqlFile file) {
            runScript(read(file.file()), file.file().toString(), jdbcUrl, user, password);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BranchException("cannot read seed file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void runScript(String script, String origin, String jdbcUrl, String user, String password) {
        String runnable = PsqlScript.withoutMetaCommands(script, origin);
        Path folder = null;
        try {
            folder = Files.createTempDirectory("graft-seed");
            Files.writeString(folder.resolve("V1__seed.sql"), runnable, StandardCharsets.UTF_8);
            migrate(jdbcUrl, user, password, new String[] {"filesystem:" + folder}, origin);
            try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS public." + SEED_HISTORY);
            }
        } catch (IOException | SQLException e) {
            throw new BranchException("cannot seed from " + origin + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(folder);
        }
    }

    private static void migrate(String jdbcUrl, String user, String password, String[] locations, String origin) {
        try {
            var config = Flyway.configure()
                    .dataSource(jdbcUrl, user, password)
                    .locations(locations)
                    .mixed(true)
                    .placeholderReplacement(origin == null)
                    .validateOnMigrate(false);
            if (origin != null) {
                config = config.table(SEED_HISTORY).schemas("public").createSchemas(false);
            }
            config.load().migrate();
        } catch (FlywayException e) {
            throw new BranchException("cannot seed from " + (origin == null ? String.join(", ", locations) : origin)
                    + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
