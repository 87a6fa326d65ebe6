package dev.graft.maven;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchException;
import dev.graft.catalog.Catalog;
import dev.graft.catalog.Migration;
import dev.graft.catalog.OpenTransition;
import dev.graft.generator.Drift;
import dev.graft.generator.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Each migration's state (its file generated or drifted; applied or pending on the parent
 * database when the engine has it) and the transitions expanded but not yet completed.
 */
@Mojo(name = "status", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StatusMojo extends ParentMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Catalog catalog = readCatalog();
        List<Drift> drift = Generator.forCatalog(catalog).check(generatorConfig());
        Map<String, String> applied = appliedOnParent(catalog);
        for (Migration migration : catalog.migrations()) {
            String file = drift.stream().filter(d -> d.path().getFileName().toString()
                            .startsWith("V" + migration.version() + "__"))
                    .map(d -> d.kind().toString().toLowerCase(java.util.Locale.ROOT)).findFirst().orElse("generated");
            String database = applied.isEmpty() ? "" : "  " + applied.getOrDefault(migration.version().toString(), "pending");
            getLog().info(String.format("V%-10s %-36s %-18s%s", migration.version(), migration.slug(), file, database));
        }
        List<OpenTransition> open = catalog.openTransitions();
        if (open.isEmpty()) {
            getLog().info("no open transitions");
        }
        for (OpenTransition transition : open) {
            getLog().warn("open transition: V" + transition.version() + " " + transition.refactoring().yamlKey()
                    + " is expanded, not completed; add a migration with `complete: \"" + transition.version() + "\"`");
        }
    }

    /** Version to Flyway state on the parent, or empty when the engine has no such database yet. */
    private Map<String, String> appliedOnParent(Catalog catalog) throws MojoFailureException, MojoExecutionException {
        String parent = parentName();
        BranchEngine engine = openEngine();
        try {
            // a handle to an existing database: never closed, since closing a branch deletes it
            Optional<Branch> database = engine.get(parent);
            if (database.isEmpty()) {
                getLog().info("graft: the " + engine.kind() + " engine has no database \"" + parent
                        + "\"; showing the catalog only");
                return Map.of();
            }
            Branch branch = database.get();
            try (CompiledMigrations compiled = compiledMigrations(catalog, "status")) {
                List<String> locations = new ArrayList<>(List.of("filesystem:" + sqlOutput));
                compiled.location().ifPresent(locations::add);
                MigrationInfo[] infos = Flyway.configure(compiled.loader())
                        .dataSource(branch.jdbcUrl(), branch.user(), branch.password())
                        .locations(locations.toArray(String[]::new)).load().info().all();
                return java.util.Arrays.stream(infos).filter(i -> i.getVersion() != null)
                        .collect(Collectors.toMap(i -> i.getVersion().getVersion(),
                                i -> i.getState().getDisplayName().toLowerCase(java.util.Locale.ROOT), (a, b) -> a));
            }
        } catch (BranchException e) {
            throw userError(e);
        } finally {
            close(engine);
        }
    }
}
