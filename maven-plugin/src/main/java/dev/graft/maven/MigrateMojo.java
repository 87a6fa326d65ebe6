package dev.graft.maven;

import dev.graft.catalog.Catalog;
import dev.graft.verifier.VerifyRequest;
import dev.graft.verifier.deploy.DeployResult;
import dev.graft.verifier.deploy.Deployment;
import dev.graft.verifier.deploy.DeploymentException;
import dev.graft.verifier.deploy.Proofs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Applies the pending migrations to a target database (graft.url, or a named environment with
 * graft.target), only those a passing graft:verify report proved, after checking the target's
 * schema is the one the proof expects. Stops before a {@code complete} migration unless the
 * environment says auto or graft.complete is set. Ends with the target's applied versions and open
 * transitions; a second run applies nothing.
 */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class MigrateMojo extends ParentMojo {

    /** The verification report(s) that prove the migrations: a JSON file or a directory; {@code none} skips the check. */
    @Parameter(property = "graft.proof", defaultValue = "${project.build.directory}/graft/graft-verify.json")
    String proof;

    /** Which environment of {@code <environments>} to migrate; unset: graft.url. */
    @Parameter(property = "graft.target")
    String target;

    /** The named targets. */
    @Parameter
    List<Environment> environments = new ArrayList<>();

    /** Let {@code complete} migrations run here now (no old application version runs any more). */
    @Parameter(property = "graft.complete", defaultValue = "false")
    boolean complete;

    /**
     * How long in total to keep retrying after lock_timeout, e.g. 60s or 2m (an environment's lockBudget wins).
     * Its property is graft.lockRetry: graft.lockBudget is verify's per-statement budget in milliseconds.
     */
    @Parameter(property = "graft.lockRetry", defaultValue = "60s")
    String lockBudget;

    /** The id of a settings.xml server whose password is used (else GRAFT_PASSWORD). */
    @Parameter(property = "graft.serverId")
    String serverId;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("migrate")) {
            return;
        }
        refusePasswordInPom();
        Environment environment = environment();
        String jdbcUrl = environment != null && environment.url != null ? environment.url : url;
        if (jdbcUrl == null) {
            throw new MojoFailureException("graft: no target: set -Dgraft.url=jdbc:postgresql://host:5432/db, or"
                    + " -Dgraft.target with one of " + names());
        }
        String targetUser = environment != null && environment.user != null ? environment.user : user;
        boolean auto = environment != null && "auto".equals(environment.complete);
        Duration budget = duration(environment != null && environment.lockBudget != null ? environment.lockBudget
                : lockBudget);
        Catalog catalog = readCatalog();
        Optional<Proofs> proofs = proofs();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(targetUser);
        dataSource.setPassword(password(environment));
        getLog().info("graft: migrating " + (environment != null ? environment.name + " (" + jdbcUrl + ")" : jdbcUrl));
        DeployResult result;
        try (CompiledMigrations compiled = compiledMigrations(catalog, "migrate")) {
            VerifyRequest request = request(catalog, compiled);
            result = new Deployment(dataSource, request.allFlywayLocations(), request.classLoader(), Optional.of(catalog),
                    proofs, complete || auto, budget).run();
        } catch (DeploymentException e) {
            throw GoalFailure.proofFailed(String.valueOf(e.getMessage()).replaceFirst("^graft: ", ""));
        } catch (IllegalArgumentException e) {
            throw GoalFailure.setUp(String.valueOf(e.getMessage()).replaceFirst("^graft: ", ""), e);
        }
        TargetStatus.print(getLog(), result);
    }

    private Environment environment() throws MojoFailureException {
        if (target == null || target.isBlank()) {
            return null;
        }
        for (Environment environment : environments) {
            if (target.equals(environment.name)) {
                if (environment.complete != null && !List.of("auto", "flag").contains(environment.complete)) {
                    throw new MojoFailureException("graft: environment " + target + ": <complete> is auto or flag, not "
                            + environment.complete);
                }
                return environment;
            }
        }
        throw new MojoFailureException("graft: no environment \"" + target + "\"; the POM's <environments> has "
                + names());
    }

    private String names() {
        List<String> names = environments.stream().map(e -> e.name).toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private Optional<Proofs> proofs() {
        if ("none".equals(proof)) {
            getLog().warn("graft: graft.proof=none: migrations are applied without a proof that they were verified");
            return Optional.empty();
        }
        return Optional.of(Proofs.load(Path.of(proof)));
    }

    private String password(Environment environment) throws MojoFailureException {
        String id = environment != null && environment.serverId != null ? environment.serverId : serverId;
        if (id != null) {
            Server server = session.getSettings().getServer(id);
            if (server == null) {
                throw new MojoFailureException("graft: settings.xml has no server \"" + id + "\"");
            }
            return server.getPassword();
        }
        return password != null ? password : Optional.ofNullable(System.getenv("GRAFT_PASSWORD")).orElse("");
    }

    /** A password written in the POM ends up in version control: refused, saying where it belongs. */
    private void refusePasswordInPom() throws MojoFailureException {
        boolean inPom = environments.stream().anyMatch(e -> e.password != null);
        for (Plugin plugin : project.getBuildPlugins()) {
            if ("graft-maven-plugin".equals(plugin.getArtifactId()) && plugin.getConfiguration() instanceof Xpp3Dom dom
                    && dom.getChild("password") != null) {
                inPom = true;
            }
        }
        if (inPom) {
            throw new MojoFailureException("graft: a password is written in the POM; remove it and set the environment"
                    + " variable GRAFT_PASSWORD, or name a settings.xml server with <serverId>");
        }
    }

    private static Duration duration(String text) throws MojoFailureException {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.parse(text);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new MojoFailureException("graft: lock budget \"" + text + "\" is not a duration like 60s, 2m or PT2M");
        }
    }
}
