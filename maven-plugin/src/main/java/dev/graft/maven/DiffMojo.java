package dev.graft.maven;

import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchException;
import dev.graft.catalog.Catalog;
import dev.graft.verifier.Verifier;
import dev.graft.verifier.report.MarkdownReport;
import dev.graft.verifier.snapshot.SchemaDiff;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The schema diff as Markdown, on the console and in a file: what the pending migrations change in
 * the parent, or, with {@code -Dgraft.from=a -Dgraft.to=b}, the difference between two databases.
 */
@Mojo(name = "diff", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class DiffMojo extends ParentMojo {

    /** Compare this database ... */
    @Parameter(property = "graft.from")
    String from;

    /** ... with this one, instead of the parent with its pending migrations. */
    @Parameter(property = "graft.to")
    String to;

    /** Where the Markdown goes. */
    @Parameter(property = "graft.diffFile", defaultValue = "${project.build.directory}/graft/schema-diff.md")
    File diffFile;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("diff")) {
            return;
        }
        if ((from == null) != (to == null)) {
            throw GoalFailure.setUp("give both -Dgraft.from and -Dgraft.to, or neither");
        }
        SchemaDiff diff = from != null ? diffDatabases() : diffPending();
        String markdown = MarkdownReport.render(diff);
        getLog().info("\n" + markdown);
        try {
            Files.createDirectories(diffFile.toPath().getParent());
            Files.writeString(diffFile.toPath(), markdown);
        } catch (IOException e) {
            throw GoalFailure.setUp("cannot write " + diffFile + ": " + e.getMessage(), e);
        }
        getLog().info("graft: schema diff written to " + diffFile);
    }

    private SchemaDiff diffDatabases() throws MojoExecutionException {
        BranchEngine engine = openEngine();
        try {
            return Verifier.on(engine).diff(from, to);
        } catch (BranchException e) {
            throw userError(e);
        } finally {
            close(engine);
        }
    }

    private SchemaDiff diffPending() throws MojoExecutionException, MojoFailureException {
        Catalog catalog = readCatalog();
        try (CompiledMigrations compiled = compiledMigrations(catalog, "diff")) {
            BranchEngine engine = openEngine();
            try {
                String parentName = ensureParent(engine);
                checkBaseline(engine, parentName, catalog, compiled);
                return Verifier.on(engine).parent(parentName).diff(request(catalog, compiled));
            } catch (BranchException e) {
                throw userError(e);
            } finally {
                close(engine);
            }
        }
    }
}
