package dev.graft.maven;

import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchException;
import dev.graft.catalog.Catalog;
import dev.graft.generator.Drift;
import dev.graft.generator.Generator;
import dev.graft.verifier.MigrationResult;
import dev.graft.verifier.Outcome;
import dev.graft.verifier.VerificationReport;
import dev.graft.verifier.Verifier;
import dev.graft.verifier.VerifierConfig;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Proves every pending migration on branches of the parent (applies, re-applies, prefix replay,
 * transition sync, round trip, contract) and writes the reports; a failed check fails the build.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class VerifyMojo extends ParentMojo {

    /** Where the Markdown, JUnit XML and JSON reports go. */
    @Parameter(property = "graft.reportDirectory", defaultValue = "${project.build.directory}/graft")
    File reportDirectory;

    /** How many branches are worked on at once; 0 means one per core. */
    @Parameter(property = "graft.parallelism", defaultValue = "0")
    int parallelism;

    /**
     * The seed of every generated value (transition writes, rows generated for empty tables); a
     * failure's report prints it, and {@code -Dgraft.seed=N} replays the same values. 0: the default.
     */
    @Parameter(property = "graft.seed", defaultValue = "0")
    long seed;

    /** The longest a workload statement may wait behind a migration statement in the locks check, in ms. */
    @Parameter(property = "graft.lockBudget", defaultValue = "200")
    long lockBudget;

    /** The locks check's workload connections. */
    @Parameter(property = "graft.workload.connections", defaultValue = "4")
    int workloadConnections;

    /** The locks check's workload statements per second, all connections together. */
    @Parameter(property = "graft.workload.rate", defaultValue = "300")
    int workloadRate;

    /** Runs the locks check (a workload beside each migration); {@code -Dgraft.locks=false} turns it off. */
    @Parameter(property = "graft.locks", defaultValue = "true")
    boolean locks;

    /** Whether the verifier wrote this run's reports; until then a failure writes graft-verify.json itself. */
    private boolean reported;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        try {
            proveAll();
        } catch (MojoExecutionException | MojoFailureException e) {
            recordUnreported(e);
            throw e;
        } catch (RuntimeException e) {
            // nothing expected it: the run proved nothing
            MojoExecutionException failure = GoalFailure.setUp(e.toString(), e);
            recordUnreported(failure);
            throw failure;
        }
    }

    private void recordUnreported(org.apache.maven.plugin.AbstractMojoExecutionException failure)
            throws MojoExecutionException {
        if (!reported) {
            GoalFailure.record(reportDirectory.toPath(), failure);
        }
    }

    private void proveAll() throws MojoExecutionException, MojoFailureException {
        if (skipped("verification")) {
            return;
        }
        var catalog = readCatalog();
        checkGenerated(catalog);
        VerificationReport report;
        try (CompiledMigrations compiled = compiledMigrations(catalog, "verify")) {
            BranchEngine engine = openEngine();
            try {
                String parentName = ensureParent(engine);
                checkBaseline(engine, parentName, catalog, compiled);
                VerifierConfig.Builder config = VerifierConfig.builder().reportDirectory(reportDirectory.toPath());
                if (parallelism > 0) {
                    config.parallelism(parallelism);
                }
                if (seed != 0) {
                    config.seed(seed);
                }
                config.lockBudget(java.time.Duration.ofMillis(lockBudget)).workloadConnections(workloadConnections)
                        .workloadRate(workloadRate);
                if (!locks) {
                    config.skip(dev.graft.verifier.Check.LOCKS);
                }
                report = Verifier.on(engine).parent(parentName).parentShownAs(parent).config(config.build())
                        .verify(request(catalog, compiled));
                if (report.migrations().isEmpty() && report.error().isEmpty()) {
                    getLog().info("graft: " + NothingPending.of(catalog, catalogDirectory.toPath(), sqlOutput.toPath(),
                            parent, new ParentSchema(engine, parentName, sqlOutput.toPath(), compiled).newestApplied())
                            .sentence());
                }
                reported = true;
            } catch (BranchException e) {
                throw userError(e);
            } finally {
                close(engine);
            }
        }
        for (MigrationResult migration : report.migrations()) {
            getLog().info("graft: V" + migration.version() + " " + ConsoleStyle.checks(migration));
        }
        report.migrations().forEach(m -> m.dataEffects().lines().forEach(line -> getLog().info("graft: V"
                + m.version() + " rows: " + line)));
        report.notExercised().forEach(line -> getLog().warn(ConsoleStyle.notExercised("graft: not exercised: " + line)));
        report.openTransitions().forEach(line -> getLog().warn("graft: open transition: " + line));
        report.reportFiles().forEach(file -> getLog().info("graft: report " + file));
        if (!report.passed()) {
            // a run stopped early (Flyway refused the migrations, say) has an error and no failed check
            List<String> problems = new ArrayList<>(report.failures());
            report.error().ifPresent(problems::add);
            problems.forEach(problem -> getLog().error(ConsoleStyle.failed(problem)));
            if (Outcome.of(report) == Outcome.SETUP_ERROR) {
                throw GoalFailure.setUp("verification stopped before its checks:\n" + String.join("\n", problems)
                        + "\nSee " + reportDirectory + " for the report.");
            }
            throw GoalFailure.proofFailed("verification failed:\n" + String.join("\n", problems)
                    + "\nSee " + reportDirectory + " for the report.");
        }
        getLog().info(ConsoleStyle.passed("graft: " + report.migrations().size() + " migration(s) verified on "
                + report.branchesMade() + " branches in " + report.took().toSeconds() + " s"));
    }

    /**
     * A catalog file whose migration was never generated would silently not be verified: that fails
     * here, saying what to run. A generated file that no longer matches the catalog or was edited by
     * hand is verified as the file it is, like a hand-written one, and the log says so.
     */
    private void checkGenerated(Catalog catalog) throws MojoExecutionException {
        List<Drift> drift = Generator.forCatalog(catalog).check(generatorConfig());
        List<Drift> missing = drift.stream().filter(d -> d.kind() == Drift.Kind.MISSING).toList();
        if (!missing.isEmpty()) {
            missing.forEach(d -> getLog().error(d.toString()));
            throw GoalFailure.setUp(missing.size() + " catalog file(s) have no generated migration"
                    + " yet, so there is nothing of theirs to verify: run mvn graft:generate (mvn verify runs it in"
                    + " generate-sources) and commit the files it writes");
        }
        drift.forEach(d -> getLog().warn(d + ": verified as the file it is, like a hand-written migration;"
                + " graft:check fails on it"));
    }
}
