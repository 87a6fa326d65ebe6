package dev.graft.maven;

import dev.graft.branch.FlywayLogging;
import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchException;
import dev.graft.catalog.Catalog;
import dev.graft.catalog.Migration;
import dev.graft.catalog.OpenTransition;
import dev.graft.catalog.Version;
import dev.graft.generator.Drift;
import dev.graft.generator.Generator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Each migration's state, the catalog's and the hand-written ones alike: its file (generated,
 * drifted, hand-written) and, on the parent database, applied or pending; then the transitions
 * expanded but not yet completed. A missing parent is made from graft.parentSeed first.
 */
@Mojo(name = "status", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StatusMojo extends ParentMojo {

    /** One line of the table. */
    private record Row(String slug, String file, String database) { }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("status")) {
            return;
        }
        Catalog catalog = readCatalog();
        List<Drift> drift = Generator.forCatalog(catalog).check(generatorConfig());
        Map<Version, Row> rows = new TreeMap<>();
        for (Migration migration : catalog.migrations()) {
            String file = migration.isSql() ? "hand-written" : drift.stream().filter(d -> d.path().getFileName()
                            .toString().startsWith("V" + migration.version() + "__"))
                    .map(d -> d.kind().toString().toLowerCase(Locale.ROOT).replace('_', ' ')).findFirst()
                    .orElse("generated");
            rows.put(migration.version(), new Row(migration.slug(), file, ""));
        }
        ParentSchema.sqlMigrations(sqlOutput.toPath())
                .forEach((version, slug) -> rows.putIfAbsent(version, new Row(slug, "hand-written", "")));
        Map<Version, MigrationInfo> flyway = onParent(catalog);
        flyway.forEach((version, info) -> {
            String state = info.getState().getDisplayName().toLowerCase(Locale.ROOT);
            Row known = rows.get(version);
            rows.put(version, known != null ? new Row(known.slug(), known.file(), state)
                    : new Row(info.getDescription().replace(' ', '_'), info.getScript() == null ? "" : "hand-written",
                            state));
        });
        print(rows);
        List<OpenTransition> open = catalog.openTransitions();
        if (open.isEmpty()) {
            getLog().info("no open transitions");
        }
        for (OpenTransition transition : open) {
            getLog().warn("open transition: V" + transition.version() + " " + transition.refactoring().yamlKey()
                    + " is expanded, not completed; add a migration with `complete: \"" + transition.version() + "\"`");
        }
    }

    private void print(Map<Version, Row> rows) {
        int version = rows.keySet().stream().mapToInt(v -> v.toString().length() + 1).max().orElse(2);
        int slug = rows.values().stream().mapToInt(r -> r.slug().length()).max().orElse(4);
        int file = rows.values().stream().mapToInt(r -> r.file().length()).max().orElse(4);
        String format = "%-" + version + "s  %-" + slug + "s  %-" + file + "s  %s";
        getLog().info(String.format(format, "", "migration", "file", "on the parent").stripTrailing());
        rows.forEach((v, r) -> getLog().info(String.format(format, "V" + v, r.slug(), r.file(), r.database())
                .stripTrailing()));
    }

    /**
     * Every migration Flyway knows on the parent (resolved from the files, or applied), by version;
     * empty when the engine has no parent and no seed to make it from.
     */
    private Map<Version, MigrationInfo> onParent(Catalog catalog) throws MojoFailureException, MojoExecutionException {
        BranchEngine engine = openEngine();
        try {
            String parentName = parentName();
            if (parentSeed == null && engine.get(parentName).isEmpty()) {
                getLog().info("graft: the " + engine.kind() + " engine has no database \"" + parentName
                        + "\"; showing the files only");
                return Map.of();
            }
            parentName = ensureParent(engine);
            // a handle to an existing database: never closed, since closing a branch deletes it
            Optional<Branch> database = engine.get(parentName);
            try (CompiledMigrations compiled = compiledMigrations(catalog, "status")) {
                checkBaseline(engine, parentName, catalog, compiled);
                List<String> locations = new ArrayList<>(List.of("filesystem:" + sqlOutput));
                compiled.location().ifPresent(locations::add);
                Branch branch = database.orElseThrow();
                MigrationInfo[] infos = Flyway.configure(compiled.loader()).loggers(FlywayLogging.LOGGERS)
                        .dataSource(branch.jdbcUrl(), branch.user(), branch.password())
                        .locations(locations.toArray(String[]::new)).load().info().all();
                Map<Version, MigrationInfo> byVersion = new TreeMap<>();
                Arrays.stream(infos).filter(i -> i.getVersion() != null && Version.isValid(i.getVersion().getVersion()))
                        .forEach(i -> byVersion.putIfAbsent(Version.parse(i.getVersion().getVersion()), i));
                return byVersion;
            }
        } catch (BranchException e) {
            throw userError(e);
        } finally {
            close(engine);
        }
    }
}
