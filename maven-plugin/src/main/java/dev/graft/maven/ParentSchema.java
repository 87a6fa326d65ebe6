package dev.graft.maven;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.catalog.Version;
import dev.graft.catalog.baseline.Baseline;
import dev.graft.verifier.internal.FlywayRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.flywaydb.core.api.FlywayException;

/**
 * The schema a parent has before the first catalog file: the parent itself, plus the project's
 * hand-written Flyway migrations older than that file, applied on a throwaway branch of it (the
 * parent is never written to).
 *
 * @param engine     the engine that has the parent
 * @param parent     the parent's database name
 * @param migrations the Flyway folder of SQL migrations (graft.sqlOutput)
 * @param compiled   the project's compiled Java migrations
 */
record ParentSchema(BranchEngine engine, String parent, Path migrations, CompiledMigrations compiled) {

    private static final String HAS_HISTORY = "SELECT to_regclass('flyway_schema_history') IS NOT NULL";
    private static final String HISTORY = "SELECT version FROM flyway_schema_history WHERE success";
    private static final String APPLIED = "SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL";

    private static final Pattern SQL_MIGRATION = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__(.*)\\.sql");

    /** The baseline of the parent before the catalog's first version (after every migration when empty). */
    Baseline capture(Optional<Version> firstCatalogVersion, Log log) throws MojoExecutionException {
        Optional<Version> target = lastVersionBefore(firstCatalogVersion);
        return onParent(target.isPresent(), branch -> {
            if (target.isPresent()) {
                List<String> locations = new ArrayList<>(List.of("filesystem:" + migrations));
                compiled.location().ifPresent(locations::add);
                long start = System.nanoTime();
                long total = sqlMigrations(migrations).keySet().stream().filter(v -> v.compareTo(target.get()) <= 0).count();
                try (LongStep step = LongStep.start(log, "applying the hand-written migrations up to V" + target.get()
                        + " on a branch of \"" + parent + "\"", () -> applied(branch, total, start))) {
                    new FlywayRunner(locations, compiled.loader()).migrate(branch.dataSource(), target.get().toString());
                } catch (FlywayException e) {
                    throw GoalFailure.setUp("the hand-written migrations up to V" + target.get()
                            + " do not apply to the parent \"" + parent + "\": " + e.getMessage(), e);
                }
            }
            try (Connection connection = branch.connect()) {
                return Baseline.capture(connection);
            }
        });
    }

    /** How many of {@code total} migrations the branch's Flyway history has applied so far, and how fast; empty if it cannot tell. */
    private static String applied(Branch branch, long total, long start) {
        try (Connection connection = branch.connect(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery(APPLIED)) {
            if (!count.next()) {
                return "";
            }
            double seconds = Math.max(System.nanoTime() - start, 1) / 1e9;
            return count.getLong(1) + " of " + total + " migration(s) applied, "
                    + String.format(java.util.Locale.ROOT, "%.1f", count.getLong(1) / seconds) + "/s";
        } catch (SQLException noHistoryYet) {
            return "";
        }
    }

    /** The newest version the parent's Flyway history has applied, if it has one. */
    Optional<Version> newestApplied() throws MojoExecutionException {
        return onParent(false, branch -> {
            try (Connection connection = branch.connect(); Statement statement = connection.createStatement()) {
                try (ResultSet has = statement.executeQuery(HAS_HISTORY)) {
                    if (!has.next() || !has.getBoolean(1)) {
                        return Optional.empty();
                    }
                }
                return newest(statement.executeQuery(HISTORY));
            }
        });
    }

    /** What is read from a database. */
    private interface Reading<T> {
        T read(Branch database) throws SQLException, MojoExecutionException;
    }

    /**
     * Reads the parent itself when the engine manages it and nothing is to be written; otherwise
     * (a server's own database, or migrations to apply) a throwaway branch of it, deleted after.
     */
    private <T> T onParent(boolean writes, Reading<T> reading) throws MojoExecutionException {
        try {
            // a handle to an existing database: never closed, since closing a branch deletes it
            Optional<Branch> managed = engine.get(parent);
            if (managed.isPresent() && !writes) {
                return reading.read(managed.get());
            }
            String name = "graft_baseline_" + Long.toHexString(System.nanoTime());
            try (Branch branch = engine.create(BranchSpec.of(name).parent(parent).ttl(Duration.ofHours(1))
                    .ifExists(IfExists.REPLACE).build())) {
                return reading.read(branch);
            }
        } catch (SQLException e) {
            throw GoalFailure.setUp("cannot read the schema of the parent \"" + parent + "\": "
                    + e.getMessage(), e);
        }
    }

    private static Optional<Version> newest(ResultSet history) throws SQLException {
        try (history) {
            Optional<Version> newest = Optional.empty();
            while (history.next()) {
                String version = history.getString(1);
                if (version != null && Version.isValid(version)) {
                    Version applied = Version.parse(version);
                    newest = newest.filter(n -> n.compareTo(applied) >= 0).or(() -> Optional.of(applied));
                }
            }
            return newest;
        }
    }

    /** The newest SQL migration in the Flyway folder older than {@code first} (any, without a catalog). */
    private Optional<Version> lastVersionBefore(Optional<Version> first) throws MojoExecutionException {
        return sqlMigrations(migrations).keySet().stream()
                .filter(v -> first.map(f -> v.compareTo(f) < 0).orElse(true)).max(Version::compareTo);
    }

    /** The SQL migrations of a Flyway folder, version to slug, from the file names; none if it is missing. */
    static Map<Version, String> sqlMigrations(Path folder) throws MojoExecutionException {
        Map<Version, String> found = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.map(f -> SQL_MIGRATION.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .forEach(m -> found.putIfAbsent(Version.parse(m.group(1)), m.group(2)));
            return found;
        } catch (IOException e) {
            throw GoalFailure.setUp("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
