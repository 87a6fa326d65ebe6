package dev.graft.maven;

import dev.graft.catalog.Catalog;
import dev.graft.catalog.Migration;
import dev.graft.catalog.OpenTransition;
import dev.graft.generator.Drift;
import dev.graft.generator.Generator;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/** Lists the catalog's migrations, which files are missing or drifted, and the transitions not yet completed. */
@Mojo(name = "status", threadSafe = true)
public class StatusMojo extends CatalogMojo {

    @Override
    public void execute() throws MojoFailureException {
        Catalog catalog = readCatalog();
        List<Drift> drift = Generator.forCatalog(catalog).check(generatorConfig());
        for (Migration migration : catalog.migrations()) {
            String state = drift.stream().filter(d -> d.path().getFileName().toString()
                            .startsWith("V" + migration.version() + "__"))
                    .map(d -> d.kind().toString()).findFirst().orElse("generated");
            getLog().info(String.format("V%-12s %-40s %s", migration.version(), migration.slug(), state));
        }
        List<OpenTransition> open = catalog.openTransitions();
        if (open.isEmpty()) {
            getLog().info("no open transitions");
        }
        for (OpenTransition transition : open) {
            getLog().warn("open transition: V" + transition.version() + " " + transition.refactoring().yamlKey()
                    + " is expanded, not completed; add a migration with `complete: \"" + transition.version() + "\"`");
        }
    }
}
