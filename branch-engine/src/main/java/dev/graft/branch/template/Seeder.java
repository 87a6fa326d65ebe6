package dev.graft.branch.template;

import dev.graft.branch.FlywayLogging;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a {@link Seed} into a new database. Scripts go through Flyway's PostgreSQL parser, which
 * knows dollar quoting and {@code COPY ... FROM stdin}; psql meta-commands ({@code \connect},
 * {@code \restrict}, ...) are dropped, since the script always runs in the new database, and so
 * are statements on the server's databases, roles and tablespaces, each with a warning naming its
 * line. A long script reports its progress. A failure names the file, line and statement.
 */
public final class Seeder {

    private static final Logger LOG = LoggerFactory.getLogger(Seeder.class);
    private static final String SEED_HISTORY = "graft_seed_history";
    /** About how much of a script runs as one Flyway migration, between two progress reports at most. */
    private static final int CHUNK_SIZE = 4 << 20;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Pattern CHUNK_FILE = Pattern.compile("V(\\d+)__seed\\.sql");

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
            runScript(text.script(), text.origin(), jdbcUrl, user, password, CHUNK_SIZE, PROGRESS_EVERY);
        } else if (seed instanceof Seed.SqlFile file) {
            runScript(read(file.file()), file.file().toString(), jdbcUrl, user, password, CHUNK_SIZE, PROGRESS_EVERY);
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
            Flyway.configure().loggers(FlywayLogging.LOGGERS).dataSource(jdbcUrl, user, password).locations(locations).mixed(true)
                    .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        } catch (FlywayException e) {
            throw new BranchException("migration failed: " + ScriptFailure.describe(e.getMessage(), ScriptFailure::fromDisk), e);
        }
    }

    /**
     * Runs a script in chunks of about {@code chunkSize} characters, reporting progress at most
     * every {@code progressEvery}.
     */
    static void runScript(String script, String origin, String jdbcUrl, String user, String password, int chunkSize,
                          Duration progressEvery) {
        SeedScript seed = PsqlScript.prepare(script, origin, chunkSize);
        seed.skipped().forEach(s -> LOG.warn("{}:{}: skipped \"{}\": {}", origin, s.line(), s.statement(), s.why()));
        Path folder = null;
        try {
            folder = Files.createTempDirectory("graft-seed");
            List<Long> bytesDone = new ArrayList<>();
            long bytes = 0;
            for (int k = 0; k < seed.chunks().size(); k++) {
                Path file = folder.resolve(chunkFile(k));
                Files.writeString(file, seed.chunks().get(k).text(), StandardCharsets.UTF_8);
                bytes += Files.size(file);
                bytesDone.add(bytes);
            }
            Function<String, ScriptFailure.Script> named = path -> new ScriptFailure.Script(origin, Optional.of(script),
                    chunkOf(path).map(k -> seed.chunks().get(k).firstLine() - 1).orElse(0));
            try {
                // its own history table, baselined: a script may seed a database whose parent already has tables
                Flyway.configure().loggers(FlywayLogging.LOGGERS).dataSource(jdbcUrl, user, password).locations("filesystem:" + folder)
                        .table(SEED_HISTORY).schemas("public").createSchemas(false)
                        .baselineOnMigrate(true).baselineVersion("0")
                        .mixed(true).placeholderReplacement(false).validateOnMigrate(false)
                        .callbacks(new SeedProgress(origin, seed, bytesDone, progressEvery))
                        .load().migrate();
            } catch (FlywayException e) {
                throw new BranchException("seed failed: " + ScriptFailure.describe(e.getMessage(), named), e);
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

    /** Chunk k runs as Flyway version k + 1, so Flyway runs the chunks in order. */
    private static String chunkFile(int k) {
        return "V" + (k + 1) + "__seed.sql";
    }

    private static Optional<Integer> chunkOf(String path) {
        Matcher matcher = CHUNK_FILE.matcher(path);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1)) - 1) : Optional.empty();
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
