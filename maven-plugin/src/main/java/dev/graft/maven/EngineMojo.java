package dev.graft.maven;

import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchEngines;
import dev.graft.branch.BranchException;
import dev.graft.branch.EngineSettings;
import java.io.File;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** The engine parameters every goal shares, mapped onto {@link EngineSettings} here and nowhere else. */
abstract class EngineMojo extends AbstractMojo {

    /** Which engine makes branches: embedded (default), server, neon, lakebase or testcontainers. */
    @Parameter(property = "graft.engine", defaultValue = "embedded")
    String engine;

    /** The embedded engine's data directory. */
    @Parameter(property = "graft.dataDirectory", defaultValue = "${project.build.directory}/graft/postgres")
    File dataDirectory;

    /** The server engine's JDBC URL, e.g. jdbc:postgresql://localhost:5432/postgres. */
    @Parameter(property = "graft.url")
    String url;

    /** The server engine's user. */
    @Parameter(property = "graft.user", defaultValue = "postgres")
    String user;

    /** The server engine's password; prefer the environment variable GRAFT_PASSWORD. */
    @Parameter(property = "graft.password")
    String password;

    /**
     * The testcontainers engine's image (default postgres:18): the PostgreSQL your production runs,
     * PostGIS, a local build. Needs Docker and org.testcontainers:testcontainers-postgresql as a
     * dependency of this plugin.
     */
    @Parameter(property = "graft.image")
    String image;

    /** Skip the goal (e.g. -Dgraft.skip on a quick local build); every goal honours it. */
    @Parameter(property = "graft.skip", defaultValue = "false")
    boolean skip;

    /** Whether graft.skip is set, saying so in the log. */
    boolean skipped(String what) {
        if (skip) {
            getLog().info("graft: " + what + " skipped (graft.skip)");
        }
        return skip;
    }

    EngineSettings engineSettings() {
        // outside a project (requiresProject = false) ${project.build.directory} stays unresolved
        File directory = dataDirectory != null && !dataDirectory.getPath().contains("${")
                ? dataDirectory : new File("target/graft/postgres");
        String secret = password != null ? password : Optional.ofNullable(System.getenv("GRAFT_PASSWORD")).orElse("");
        return new EngineSettings(engine, directory.toPath(), Optional.ofNullable(url), user, secret,
                Optional.ofNullable(image));
    }

    /**
     * Libraries that log their start-up at INFO (the connection pool, the embedded binaries): at
     * Maven's default level only their warnings reach the console; {@code -X} shows everything.
     * Maven's SLF4J provider reads a logger's level from these system properties when it makes
     * the logger, so this takes effect for loggers not made yet and leaves a setting of the user's alone.
     */
    private static final List<String> QUIET_AT_DEFAULT_LEVEL = List.of("com.zaxxer.hikari", "io.zonky.test.db.postgres");

    BranchEngine openEngine() throws MojoExecutionException {
        if (!getLog().isDebugEnabled()) {
            QUIET_AT_DEFAULT_LEVEL.forEach(name -> {
                String key = "org.slf4j.simpleLogger.log." + name;
                if (System.getProperty(key) == null) {
                    System.setProperty(key, "warn");
                }
            });
        }
        try {
            return BranchEngines.open(engineSettings());
        } catch (BranchException e) {
            throw GoalFailure.setUp(e.getMessage(), e);
        }
    }
}
