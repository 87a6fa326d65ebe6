package dev.graft.maven;

import dev.graft.generator.GenerationResult;
import dev.graft.generator.Generator;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** Writes the migration files the catalog has and the repository lacks; never rewrites one. */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends CatalogMojo {

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Override
    public void execute() throws MojoFailureException {
        if (skipped("generate")) {
            return;
        }
        GenerationResult result = Generator.forCatalog(readCatalog()).generate(generatorConfig());
        // Java migrations written elsewhere than src/main/java (graft.javaOutput) are compiled too.
        if (project != null && !project.getCompileSourceRoots().contains(javaOutput.getAbsolutePath())) {
            project.addCompileSourceRoot(javaOutput.getAbsolutePath());
            getLog().info("graft: " + javaOutput + " added to the compile source roots");
        }
        result.written().forEach(path -> getLog().info("wrote " + path));
        getLog().info("graft: " + result.written().size() + " file(s) written, " + result.skipped().size()
                + " already present");
    }
}
