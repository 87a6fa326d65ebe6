package dev.graft.maven;

import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchException;
import dev.graft.catalog.Catalog;
import dev.graft.catalog.Migration;
import dev.graft.catalog.Version;
import dev.graft.generator.Drift;
import dev.graft.generator.GenerationResult;
import dev.graft.generator.Generator;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Writes the migration files the catalog has and the repository lacks; never rewrites one, except
 * the version {@code -Dgraft.regenerate=V2} names while the parent has not applied it.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends ParentMojo {

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    /**
     * A version ({@code V2}) whose generated files are rewritten from its changed catalog file;
     * refused once the parent has applied it.
     */
    @Parameter(property = Regeneration.PROPERTY)
    String regenerate;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("generate")) {
            return;
        }
        Catalog catalog = readCatalog();
        if (regenerate != null && !regenerate.isBlank()) {
            regenerate(catalog);
        }
        GenerationResult result = Generator.forCatalog(catalog).generate(generatorConfig());
        // Java migrations written elsewhere than src/main/java (graft.javaOutput) are compiled too.
        if (project != null && !project.getCompileSourceRoots().contains(javaOutput.getAbsolutePath())) {
            project.addCompileSourceRoot(javaOutput.getAbsolutePath());
            getLog().info("graft: " + javaOutput + " added to the compile source roots");
        }
        result.written().forEach(path -> getLog().info("wrote " + path));
        getLog().info("graft: " + result.written().size() + " file(s) written, " + result.skipped().size()
                + " already present");
        Generator.forCatalog(catalog).check(generatorConfig()).stream()
                .filter(d -> d.kind() == Drift.Kind.CATALOG_CHANGED)
                .forEach(d -> getLog().warn(d + "; not rewritten. " + DriftAdvice.of(d).orElse("")));
    }

    private void regenerate(Catalog catalog) throws MojoExecutionException, MojoFailureException {
        Regeneration regeneration = new Regeneration(catalog, generatorConfig());
        Migration migration = regeneration.migration(regenerate, catalogDirectory.toPath());
        Regeneration.refuseIfApplied(migration, parent, newestAppliedOnParent());
        regeneration.rewrite(migration).forEach(path -> getLog().info("rewrote " + path + " from "
                + migration.fileName()));
    }

    /** The parent's newest applied version; none when the engine has no parent and no seed would make one. */
    private Optional<Version> newestAppliedOnParent() throws MojoExecutionException, MojoFailureException {
        BranchEngine engine = openEngine();
        try {
            String parentName = parentName();
            if (parentSeed == null && engine.get(parentName).isEmpty()) {
                getLog().info("graft: the " + engine.kind() + " engine has no parent \"" + parent
                        + "\", so nothing is applied there");
                return Optional.empty();
            }
            parentName = ensureParent(engine);
            return new ParentSchema(engine, parentName, sqlOutput.toPath(), CompiledMigrations.NONE).newestApplied();
        } catch (BranchException e) {
            throw userError(e);
        } finally {
            close(engine);
        }
    }
}
