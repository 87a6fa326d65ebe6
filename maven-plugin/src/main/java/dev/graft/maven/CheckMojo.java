package dev.graft.maven;

import dev.graft.generator.Drift;
import dev.graft.generator.Generator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Fails the build when the committed migration files and the catalog have drifted apart. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.PROCESS_SOURCES, threadSafe = true)
public class CheckMojo extends CatalogMojo {

    @Override
    public void execute() throws MojoFailureException {
        if (skipped("check")) {
            return;
        }
        List<Drift> drift = Generator.forCatalog(readCatalog()).check(generatorConfig());
        if (drift.isEmpty()) {
            getLog().info(ConsoleStyle.passed("graft: the migration files match the catalog"));
            return;
        }
        drift.forEach(d -> getLog().error(DriftAdvice.line(d)));
        throw GoalFailure.proofFailed(drift.size() + " migration file(s) drifted from the catalog:\n"
                + drift.stream().map(DriftAdvice::line).collect(Collectors.joining("\n")));
    }
}
