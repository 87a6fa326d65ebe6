package dev.graft.maven;

import dev.graft.generator.GenerationResult;
import dev.graft.generator.Generator;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Writes the migration files the catalog has and the repository lacks; never rewrites one. */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends CatalogMojo {

    @Override
    public void execute() throws MojoFailureException {
        GenerationResult result = Generator.forCatalog(readCatalog()).generate(generatorConfig());
        result.written().forEach(path -> getLog().info("wrote " + path));
        getLog().info("graft: " + result.written().size() + " file(s) written, " + result.skipped().size()
                + " already present");
    }
}
