package dev.graft.maven;

import dev.graft.catalog.Catalog;
import dev.graft.catalog.CatalogException;
import dev.graft.catalog.Problem;
import dev.graft.generator.GeneratorConfig;
import java.io.File;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The catalog and output parameters the catalog goals share, mapped onto the API here and nowhere else. */
abstract class CatalogMojo extends EngineMojo {

    /** The folder of {@code V<version>__<slug>.yaml} files. */
    @Parameter(property = "graft.catalog", defaultValue = "${project.basedir}/src/main/graft")
    File catalogDirectory;

    /** Where generated SQL migrations go (a Flyway location). */
    @Parameter(property = "graft.sqlOutput", defaultValue = "${project.basedir}/src/main/resources/db/migration")
    File sqlOutput;

    /** Where generated Java migrations go (a source root; the package folders are added). */
    @Parameter(property = "graft.javaOutput", defaultValue = "${project.basedir}/src/main/java")
    File javaOutput;

    /** The package of generated Java migrations. */
    @Parameter(property = "graft.javaPackage", defaultValue = "db.migration")
    String javaPackage;

    /** Rows per batch in generated backfills. */
    @Parameter(property = "graft.batchSize", defaultValue = "1000")
    int batchSize;

    GeneratorConfig generatorConfig() {
        return GeneratorConfig.builder().sqlOutput(sqlOutput.toPath()).javaOutput(javaOutput.toPath())
                .javaPackage(javaPackage).batchSize(batchSize).build();
    }

    /**
     * Reads the catalog over its baseline ({@code baseline.yaml} in the folder, if any); a missing
     * folder is an empty catalog, for projects of hand-written Flyway migrations. Its problems are the user's
     * to fix, so they fail the build with every location.
     */
    Catalog readCatalog() throws MojoFailureException {
        try {
            Catalog catalog = Catalog.read(catalogDirectory.toPath());
            catalog.warnings().forEach(w -> getLog().warn(w.toString()));
            return catalog;
        } catch (CatalogException e) {
            List<Problem> errors = e.problems().stream().filter(Problem::isError).toList();
            long warnings = e.problems().size() - errors.size();
            e.problems().stream().filter(p -> !p.isError()).forEach(p -> getLog().warn(p.toString()));
            errors.forEach(p -> getLog().error(p.toString()));
            throw GoalFailure.proofFailed("the catalog in " + catalogDirectory + " has " + errors.size() + " error(s)"
                    + (warnings > 0 ? " and " + warnings + " warning(s)" : "") + ":\n"
                    + errors.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        }
    }
}
