package dev.graft.maven;

import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchException;
import dev.graft.catalog.Catalog;
import dev.graft.catalog.Version;
import dev.graft.catalog.baseline.Baseline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Captures the schema the parent has before the first catalog file into {@code baseline.yaml} in
 * the catalog folder: the parent as the engine has it (from graft.parentSeed, a server's database
 * named by graft.parent, any engine's parent branch), with the project's hand-written Flyway
 * migrations older than the catalog applied on a throwaway branch. Review and commit the file;
 * {@code mvn graft:baseline} again after production changed.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends ParentMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("baseline")) {
            return;
        }
        Path catalog = catalogDirectory.toPath();
        Optional<Version> first = Catalog.firstVersion(catalog);
        BranchEngine engine = openEngine();
        Baseline baseline;
        String parentName;
        try {
            parentName = ensureParent(engine);
            baseline = new ParentSchema(engine, parentName, sqlOutput.toPath(), CompiledMigrations.NONE)
                    .capture(first, getLog());
        } catch (BranchException e) {
            throw userError(e);
        } finally {
            close(engine);
        }
        Path file = catalog.resolve(Baseline.FILE_NAME);
        try {
            Files.createDirectories(catalog);
            String before = Files.isRegularFile(file) ? Files.readString(file) : null;
            baseline.write(file);
            String state = before == null ? "written" : before.equals(baseline.toYaml()) ? "unchanged" : "rewritten";
            getLog().info("graft: " + file + " " + state + ": " + baseline.schema().tables().size() + " table(s), "
                    + baseline.schema().views().size() + " view(s), " + baseline.enums().size() + " enum(s) of \""
                    + parentName + "\"" + first.map(v -> " before V" + v).orElse(""));
        } catch (IOException e) {
            throw GoalFailure.setUp("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
