package dev.graft.maven;

import dev.graft.branch.EngineSettings;
import dev.graft.catalog.Version;
import dev.graft.verifier.abort.AbortOutcome;
import dev.graft.verifier.abort.AbortRefused;
import dev.graft.verifier.abort.TransitionAbort;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Aborts an expanded, not completed transition on a target database:
 * {@code mvn graft:abort -Dgraft.version=2 -Dgraft.url=jdbc:postgresql://host:5432/app} (user
 * {@code graft.user}, password {@code GRAFT_PASSWORD}). It drops the version's new shape, triggers and
 * helper functions, gives the old shape back what the expand changed, and deletes the version's
 * Flyway history rows, so the expand can be applied again. It refuses when the version is not a
 * transition, when its {@code complete} or a later migration is applied; run again, it does nothing
 * and says so. The script it runs is written to {@code target/graft/abort/} first.
 */
@Mojo(name = "abort", threadSafe = true)
public class AbortMojo extends CatalogMojo {

    /** The version to abort, from the command line only: a POM property of that name pins the plugin. */
    static final String VERSION_PROPERTY = "graft.version";

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    /** Where the abort script is written before it runs, for the record. */
    @Parameter(defaultValue = "${project.build.directory}/graft/abort", readonly = true)
    File scriptDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("abort")) {
            return;
        }
        String text = session == null ? null : session.getUserProperties().getProperty(VERSION_PROPERTY);
        if (text == null || text.isBlank() || !Version.isValid(text.strip())) {
            throw new MojoFailureException("name the version to abort: -D" + VERSION_PROPERTY + "=2"
                    + (text == null || text.isBlank() ? "" : " (\"" + text + "\" is not a Flyway version)"));
        }
        Version version = Version.parse(text.strip());
        EngineSettings settings = engineSettings();
        if (settings.url().isEmpty()) {
            throw new MojoFailureException("name the target database: -Dgraft.url=jdbc:postgresql://host:5432/database"
                    + " (-Dgraft.user, and the password in the environment variable GRAFT_PASSWORD)");
        }
        TransitionAbort abort = TransitionAbort.of(readCatalog(), generatorConfig());
        PGSimpleDataSource target = new PGSimpleDataSource();
        target.setURL(settings.url().get());
        target.setUser(settings.user());
        target.setPassword(settings.password());
        try {
            Path script = write(abort.migration(version).fileName(), abort.script(version));
            // the URL without its parameters, which may hold a password
            getLog().info("graft: aborting V" + version + " on " + settings.url().get().replaceAll("\\?.*", "")
                    + " with " + script);
            AbortOutcome outcome = abort.abort(target, version);
            outcome.changes().forEach(line -> getLog().info("  " + line));
            getLog().info("graft: " + outcome.summary());
        } catch (AbortRefused e) {
            throw new MojoFailureException("graft: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new MojoFailureException("graft: the target failed the abort of V" + version + ", which changed nothing: "
                    + e.getMessage(), e);
        }
    }

    private Path write(String catalogFile, String script) throws MojoExecutionException {
        Path file = scriptDirectory.toPath().resolve(catalogFile.replaceAll("\\.yaml$", "") + ".abort.sql");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, script, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
