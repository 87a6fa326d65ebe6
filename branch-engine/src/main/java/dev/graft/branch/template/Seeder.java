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
import java.util.Optional;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Loads a {@link Seed} into a new database. Scripts go through Flyway's PostgreSQL parser, which
 * knows dollar quoting and {@code COPY ... FROM stdin}; psql meta-commands ({@code \connect},
 * {@code \restrict}, ...) are dropped, since the script always runs in the new database. A
 * failure names the file, line and statement.
 */
public final class Seeder {

    private static final String SEED_HISTORY = "graft_seed_history";

    private Seeder() {
    }

    /** Loads the seed into an existing branch, in place (not all or nothing: use {@link dev.graft.branch.BranchSpec#seed} for that). */
    public static void apply(Seed seed, dev.graft.branch.Branch branch) {
        apply(seed, branch.jdbcUrl(), branch.user(), branch.password());
    }

    static void apply(Seed seed, String jdbcUrl, String user, String password) {
        if (seed instanceof Seed.Sequence sequence) {
            sequence.seeds().forEach(part -> apply(part, jdbcUrl, user, password));
        } else if (seed instanceof Seed.Flyway flyway) {
            migrate(jdbcUrl, user, password, flyway.locations().toArray(String[]::new));
        } else if (seed instanceof Seed.SqlText text) {
            runScript(text.script(), text.origin(), jdbcUrl, user, password);
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

    private static void migrate(String jdbcUrl, String user, String password, String[] locations) {
        try {
            // a database branched from one that predates Flyway has tables but no history: every migration is pending
            Flyway.configure().dataSource(jdbcUrl, user, password).locations(locations).mixed(true)
                    .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        } catch (FlywayException e) {
            throw new BranchException("migration failed: " + ScriptFailure.describe(e.getMessage(), ScriptFailure::fromDisk), e);
        }
    }

    private static void runScript(String script, String origin, String jdbcUrl, String user, String password) {
        String runnable = PsqlScript.withoutMetaCommands(script, origin);
        Path folder = null;
        try {
            folder = Files.createTempDirectory("graft-seed");
            Path file = folder.resolve("V1__seed.sql");
            Files.writeString(file, runnable, StandardCharsets.UTF_8);
            ScriptFailure.Script named = new ScriptFailure.Script(origin, Optional.of(script));
            try {
                // its own history table, baselined: a script may seed a database whose parent already has tables
                Flyway.configure().dataSource(jdbcUrl, user, password).locations("filesystem:" + folder)
                        .table(SEED_HISTORY).schemas("public").createSchemas(false)
                        .baselineOnMigrate(true).baselineVersion("0")
                        .mixed(true).placeholderReplacement(false).validateOnMigrate(false)
                        .load().migrate();
            } catch (FlywayException e) {
                throw new BranchException("seed failed: " + ScriptFailure.describe(e.getMessage(), path -> named), e);
            }
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
