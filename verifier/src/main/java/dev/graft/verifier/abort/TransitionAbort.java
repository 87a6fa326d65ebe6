package dev.graft.verifier.abort;

import dev.graft.catalog.Catalog;
import dev.graft.catalog.Migration;
import dev.graft.catalog.Version;
import dev.graft.catalog.refactoring.Complete;
import dev.graft.generator.Generator;
import dev.graft.generator.GeneratorConfig;
import dev.graft.generator.plan.GraftNames;
import dev.graft.generator.postgres.AbortSteps;
import dev.graft.verifier.snapshot.SchemaDiff;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Aborts one expanded, not completed catalog migration on a target database (pgroll's rollback):
 * refuses, saying why, when the version is not in the catalog, opens no transition, has had its
 * {@code complete} applied, or has later migrations applied after it; does nothing, and says so,
 * when the version is not applied and nothing of it remains (a second abort); else runs the
 * catalog's abort script in one transaction and reports what it changed.
 *
 * <pre>{@code
 * AbortOutcome outcome = TransitionAbort.of(catalog, GeneratorConfig.defaults()).abort(dataSource, Version.parse("2"));
 * outcome.changes().forEach(log::info);
 * }</pre>
 *
 * @param catalog the catalog the target's migrations came from
 * @param config  the generator settings (lock timeout) of the script
 */
public record TransitionAbort(Catalog catalog, GeneratorConfig config) {

    public TransitionAbort {
        Objects.requireNonNull(catalog, "catalog == null");
        Objects.requireNonNull(config, "config == null");
    }

    public static TransitionAbort of(Catalog catalog, GeneratorConfig config) {
        return new TransitionAbort(catalog, config);
    }

    /** The catalog migration of {@code version}, or a refusal naming the catalog. */
    public Migration migration(Version version) {
        return catalog.migrations().stream().filter(m -> m.version().equals(version)).findFirst()
                .orElseThrow(() -> new AbortRefused("version " + version + " is not in the catalog " + catalog.directory()));
    }

    /**
     * The abort script of {@code version}, for review.
     *
     * @throws AbortRefused when the version cannot be aborted
     */
    public String script(Version version) {
        try {
            return Generator.forCatalog(catalog).abortScript(migration(version), config);
        } catch (IllegalArgumentException e) {
            throw new AbortRefused("cannot abort V" + version + ": " + e.getMessage());
        }
    }

    /**
     * Aborts {@code version} on the database behind {@code target}.
     *
     * @throws AbortRefused  when it must not run there, saying why
     * @throws SQLException  when the target fails it (nothing is changed: it runs in one transaction)
     */
    public AbortOutcome abort(DataSource target, Version version) throws SQLException {
        Migration migration = migration(version);
        List<String> statements;
        try {
            statements = Generator.forCatalog(catalog).abortStatements(migration, config);
        } catch (IllegalArgumentException e) {
            throw new AbortRefused("cannot abort V" + version + ": " + e.getMessage());
        }
        try (Connection c = target.getConnection()) {
            List<Version> applied = applied(c);
            refuseCompleted(version, applied);
            List<String> later = applied.stream().filter(v -> v.compareTo(version) > 0).map(v -> "V" + v).toList();
            if (!later.isEmpty()) {
                throw new AbortRefused("cannot abort V" + version + ": " + String.join(", ", later) + " applied after it;"
                        + " abort undoes the newest migration only");
            }
            if (!applied.contains(version) && !remains(c, new GraftNames(migration).comment())) {
                return new AbortOutcome(false, "V" + version + " is not applied on the target and nothing of it"
                        + " remains: nothing to abort", List.of());
            }
            SchemaSnapshot before = SchemaSnapshot.read(c);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            List<String> changes = changes(before.diff(SchemaSnapshot.read(c))
                    .without(o -> o.name().contains(AbortSteps.FLYWAY_HISTORY)));
            if (applied.contains(version)) {
                changes.add("deleted the " + AbortSteps.FLYWAY_HISTORY + " row of V" + version + ": apply "
                        + migration.fileName() + " again to expand it again");
            }
            return new AbortOutcome(true, "aborted V" + version + " (" + migration.fileName() + "): "
                    + changes.size() + " change(s)", changes);
        }
    }

    /** One line per object: dropped, restored (with its definition now) or created. */
    private static List<String> changes(SchemaDiff diff) {
        List<String> lines = new ArrayList<>();
        diff.removed().forEach(o -> lines.add("dropped " + o.key()));
        diff.changed().forEach(c -> lines.add("restored " + c.kind().label() + " " + c.name() + ": "
                + c.after().lines().findFirst().orElse("")));
        diff.added().forEach(o -> lines.add("created " + o.key()));
        return lines;
    }

    /** A {@code complete} of {@code version} that is applied makes abort impossible. */
    private void refuseCompleted(Version version, List<Version> applied) {
        for (Migration m : catalog.migrations()) {
            boolean completes = m.refactorings().stream()
                    .anyMatch(r -> r instanceof Complete complete && complete.version().equals(version));
            if (completes && applied.contains(m.version())) {
                throw new AbortRefused("cannot abort V" + version + ": " + m.fileName() + " completed it on the target,"
                        + " so its old shape is gone; abort is impossible after complete: change the schema with a new"
                        + " migration instead");
            }
        }
    }

    /** The versions Flyway applied successfully, in order; a refusal when the target has no Flyway history. */
    private static List<Version> applied(Connection c) throws SQLException {
        String history = AbortSteps.FLYWAY_HISTORY;
        try (PreparedStatement exists = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, history);
            try (ResultSet r = exists.executeQuery()) {
                r.next();
                if (!r.getBoolean(1)) {
                    throw new AbortRefused("the target has no Flyway history (" + history + "): no migration was applied"
                            + " there, so there is nothing to abort");
                }
            }
        }
        TreeSet<Version> versions = new TreeSet<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT version FROM " + history + " WHERE success AND version IS NOT NULL")) {
            while (r.next()) {
                Optional.ofNullable(r.getString(1)).filter(Version::isValid).map(Version::parse).ifPresent(versions::add);
            }
        }
        return List.copyOf(versions);
    }

    /** Whether any object still carries the migration's comment. */
    private static boolean remains(Connection c, String comment) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_description"
                + " WHERE starts_with(description, ?))")) {
            q.setString(1, comment.substring(0, comment.indexOf(';') + 1));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }
}
