package dev.graft.maven;

import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import dev.graft.branch.embedded.EmbeddedEngine;
import dev.graft.catalog.Catalog;
import dev.graft.verifier.VerifyRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** Goals that branch a parent database: its name, how it is made when missing, and the request they verify. */
abstract class ParentMojo extends CatalogMojo {

    /** The database the branches copy: production's state before the pending migrations. */
    @Parameter(property = "graft.parent", defaultValue = "main")
    String parent;

    /**
     * A SQL file (e.g. pg_dump output) that makes the parent when the engine does not have it. The
     * parent is named after its content too, so an edited file gives a new parent.
     */
    @Parameter(property = "graft.parentSeed")
    File parentSeed;

    /** Where the project's classes are compiled to: the Java migrations among them are verified too. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    File classesDirectory;

    /** What the project's Java migrations may use at run time. */
    @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true, required = true)
    List<String> runtimeClasspath;

    /** Makes the parent if needed and returns its name. */
    String ensureParent(BranchEngine engine) throws MojoExecutionException {
        if (parentSeed == null) {
            if (engine.get(parent).isEmpty() && engine instanceof EmbeddedEngine) {
                getLog().warn("graft: no parent database \"" + parent + "\" and no graft.parentSeed: verifying against an"
                        + " empty database");
                engine.create(BranchSpec.root(parent).ifExists(IfExists.REUSE).build());
            }
            return parent;
        }
        String name = parentName();
        if (engine.get(name).isEmpty()) {
            getLog().info("graft: loading the parent \"" + name + "\" from " + parentSeed);
            engine.create(BranchSpec.root(name).ifExists(IfExists.REUSE).seed(Seed.sqlFile(parentSeed.toPath())).build());
        }
        return name;
    }

    /** The parent's database name: as configured, or named after the seed's content when one is given. */
    String parentName() throws MojoExecutionException {
        return parentSeed == null ? parent : parent + "_" + hash(parentSeed);
    }

    /**
     * The project's compiled Java migrations, to be closed after use; {@link CompiledMigrations#NONE}
     * when it has none.
     *
     * @param goal this goal's name, for the message when the project is not compiled yet
     */
    CompiledMigrations compiledMigrations(Catalog catalog, String goal) throws MojoFailureException {
        return CompiledMigrations.of(catalog, generatorConfig(), classesDirectory.toPath(), runtimeClasspath, goal);
    }

    /** The generated and hand-written migrations: the SQL in graft.sqlOutput and the compiled Java migrations. */
    VerifyRequest request(Catalog catalog, CompiledMigrations compiled) {
        return compiled.addTo(VerifyRequest.builder().location(sqlOutput.toPath()).catalog(catalog)).build();
    }

    void close(BranchEngine engine) {
        if (engine instanceof EmbeddedEngine embedded) {
            embedded.stopServer();
        } else {
            engine.close();
        }
    }

    private static String hash(File file) throws MojoExecutionException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file.toPath()));
            return HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new MojoExecutionException("cannot read graft.parentSeed " + file + ": " + e.getMessage(), e);
        }
    }

    static MojoFailureException userError(RuntimeException e) {
        return new MojoFailureException(e.getMessage(), e);
    }
}
