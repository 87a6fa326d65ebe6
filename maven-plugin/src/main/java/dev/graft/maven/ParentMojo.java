package dev.graft.maven;

import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import dev.graft.branch.embedded.EmbeddedEngine;
import dev.graft.catalog.Catalog;
import dev.graft.catalog.Migration;
import dev.graft.catalog.Version;
import dev.graft.catalog.baseline.Baseline;
import dev.graft.verifier.VerifyRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/** Goals that branch a parent database: its name, how it is made when missing, and the request they verify. */
abstract class ParentMojo extends CatalogMojo {

    /** The database the branches copy: production's state before the pending migrations. */
    @Parameter(property = "graft.parent", defaultValue = "main")
    String parent;

    /**
     * A SQL file (e.g. pg_dump output) that makes the parent when the engine does not have it. The
     * parent is named after its content too, so an edited file gives a new parent. Given on the
     * command line it wins over the POM's; an empty {@code -Dgraft.parentSeed=} means no seed.
     */
    @Parameter(property = "graft.parentSeed")
    File parentSeed;

    /** Where the project's classes are compiled to: the Java migrations among them are verified too. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    File classesDirectory;

    /** What the project's Java migrations may use at run time. */
    @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true, required = true)
    List<String> runtimeClasspath;

    /** Maven's session: its user properties (-D) override what the POM configures. */
    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    /** Makes the parent if needed and returns its database name. */
    String ensureParent(BranchEngine engine) throws MojoExecutionException {
        applyCommandLine();
        return ensureParent(engine, parent, parentSeed, getLog());
    }

    /**
     * {@code -Dgraft.parent=} and {@code -Dgraft.parentSeed=} given on the command line win over the
     * POM's configuration; an empty {@code -Dgraft.parentSeed=} means no seed.
     */
    void applyCommandLine() {
        CommandLineParent given = CommandLineParent.of(session);
        parent = given.parent().orElse(parent);
        parentSeed = usable(given.seed(parentSeed));
    }

    /**
     * Makes the parent if the engine lacks it: from {@code seed} (named after the seed's content),
     * or empty on the embedded engine when there is no seed. The one place every goal makes it.
     *
     * @return the parent's database name
     */
    static String ensureParent(BranchEngine engine, String parent, File seed, Log log) throws MojoExecutionException {
        seed = usable(seed);
        if (seed == null) {
            if (engine.get(parent).isEmpty() && engine instanceof EmbeddedEngine) {
                log.warn("graft: no parent database \"" + parent + "\" and no graft.parentSeed: using an empty database");
                engine.create(BranchSpec.root(parent).ifExists(IfExists.REUSE).build());
            }
            return parent;
        }
        String name = parentName(parent, seed);
        log.debug("graft: the parent \"" + parent + "\" is the database " + name + ", named after " + seed);
        if (engine.get(name).isEmpty()) {
            log.info("graft: loading the parent \"" + parent + "\" from " + seed);
            engine.create(BranchSpec.root(name).ifExists(IfExists.REUSE).seed(Seed.sqlFile(seed.toPath())).build());
        }
        return name;
    }

    /** The parent's database name: as configured, or named after the seed's content when one is given. */
    String parentName() throws MojoExecutionException {
        applyCommandLine();
        return parentName(parent, parentSeed);
    }

    static String parentName(String parent, File seed) throws MojoExecutionException {
        File usable = usable(seed);
        return usable == null ? parent : parent + "_" + hash(usable);
    }

    /**
     * Fails, naming each difference, when the parent (with the hand-written migrations older than
     * the catalog) no longer has the schema the committed baseline says; nothing to compare
     * without a baseline, or once the parent has catalog migrations applied.
     */
    void checkBaseline(BranchEngine engine, String parentName, Catalog catalog, CompiledMigrations compiled)
            throws MojoExecutionException, MojoFailureException {
        Optional<Baseline> committed = Baseline.find(catalogDirectory.toPath());
        if (committed.isEmpty()) {
            return;
        }
        ParentSchema schema = new ParentSchema(engine, parentName, sqlOutput.toPath(), compiled);
        Optional<Version> first = catalog.migrations().stream().findFirst().map(Migration::version);
        Optional<Version> applied = schema.newestApplied();
        if (first.isPresent() && applied.isPresent() && applied.get().compareTo(first.get()) >= 0) {
            getLog().info("graft: the parent has V" + applied.get() + " of the catalog applied; "
                    + Baseline.FILE_NAME + " describes it before V" + first.get() + " and is not compared");
            return;
        }
        List<String> drift = committed.get().differencesFrom(schema.capture(first, getLog()));
        if (drift.isEmpty()) {
            getLog().info("graft: the parent \"" + parent + "\" matches " + Baseline.FILE_NAME);
            return;
        }
        drift.forEach(d -> getLog().error("baseline drift: " + d));
        throw GoalFailure.proofFailed("the parent \"" + parent + "\" has drifted from "
                + catalogDirectory.toPath().resolve(Baseline.FILE_NAME) + " in " + drift.size() + " place(s):\n  "
                + String.join("\n  ", drift) + "\nIf production really has this schema now, run `mvn graft:baseline`"
                + " and review the change to " + Baseline.FILE_NAME + " before committing it.");
    }

    /**
     * The project's compiled Java migrations, to be closed after use; {@link CompiledMigrations#NONE}
     * when it has none.
     *
     * @param goal this goal's name, for the message when the project is not compiled yet
     */
    CompiledMigrations compiledMigrations(Catalog catalog, String goal) throws MojoExecutionException {
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

    /**
     * The seed, or none when it names no file: Maven turns an empty {@code graft.parentSeed} into
     * the project's folder.
     */
    static File usable(File seed) {
        return seed == null || seed.getPath().isBlank() || seed.isDirectory() ? null : seed;
    }

    private static String hash(File file) throws MojoExecutionException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file.toPath()));
            return HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw GoalFailure.setUp("cannot read graft.parentSeed " + file + ": " + e.getMessage(), e);
        }
    }

    /** An engine's refusal as a set-up failure; a missing parent database also says which properties to set. */
    static MojoExecutionException userError(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("parent database")) {
            message += "\nSet -Dgraft.parent=<database> to a database the engine has, or -Dgraft.parentSeed=<dump.sql>"
                    + " (a SQL or pg_dump file) to make the parent from.";
        }
        return GoalFailure.setUp(message, e);
    }
}
