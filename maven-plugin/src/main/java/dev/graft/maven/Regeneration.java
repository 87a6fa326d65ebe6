package dev.graft.maven;

import dev.graft.catalog.Catalog;
import dev.graft.catalog.Migration;
import dev.graft.catalog.Version;
import dev.graft.generator.GeneratedFile;
import dev.graft.generator.Generator;
import dev.graft.generator.GeneratorConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * {@code graft:generate -Dgraft.regenerate=V2}: rewrites the generated files of one version from
 * its catalog file as it is now, Flyway's {@code repair} for a migration that was never released.
 * Refused once the parent has applied the version (or a newer one): that file may have run in
 * production, and the change must be a new version.
 *
 * @param catalog the catalog as read
 * @param config  where the generated files go
 */
record Regeneration(Catalog catalog, GeneratorConfig config) {

    /** The option's name, as every message that advises it spells it. */
    static final String PROPERTY = "graft.regenerate";

    /** The advice for a catalog file changed after its migration was generated. */
    static String advice(String version) {
        return "if V" + version + " was never applied anywhere (not on the parent, not in production), rewrite its"
                + " migration from the catalog file: mvn graft:generate -D" + PROPERTY + "=V" + version;
    }

    /** The catalog migration {@code given} names ({@code V2}, {@code 2}), or a failure naming the catalog folder. */
    Migration migration(String given, Path catalogDirectory) throws MojoFailureException {
        String version = given.strip().replaceFirst("^[Vv]", "");
        if (!Version.isValid(version)) {
            throw new MojoFailureException("graft: -D" + PROPERTY + "=" + given + " is no version: give one like V2");
        }
        Version wanted = Version.parse(version);
        return catalog.migrations().stream().filter(m -> m.version().equals(wanted)).findFirst()
                .orElseThrow(() -> new MojoFailureException("graft: -D" + PROPERTY + "=" + given
                        + ": the catalog in " + catalogDirectory + " has no file of version " + wanted));
    }

    /**
     * Fails when the parent has applied {@code migration}'s version or a newer one.
     *
     * @param parent  the parent as the user names it
     * @param applied the newest version the parent has applied, if any
     */
    static void refuseIfApplied(Migration migration, String parent, Optional<Version> applied)
            throws MojoFailureException {
        if (applied.isPresent() && applied.get().compareTo(migration.version()) >= 0) {
            throw new MojoFailureException("graft: -D" + PROPERTY + "=V" + migration.version()
                    + " refused: the parent \"" + parent + "\" has applied V" + applied.get() + ", so V"
                    + migration.version() + " may have run in production as it is. Revert " + migration.fileName()
                    + " and make the change as a new catalog version.");
        }
    }

    /** Writes the files of {@code migration} over the ones there; returns the files written. */
    List<Path> rewrite(Migration migration) throws MojoExecutionException {
        List<GeneratedFile> files = Generator.forCatalog(catalog).render(config).stream()
                .filter(f -> f.migration().version().equals(migration.version())).toList();
        for (GeneratedFile file : files) {
            try {
                Files.createDirectories(file.path().toAbsolutePath().getParent());
                Files.writeString(file.path(), file.content(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MojoExecutionException("cannot write " + file.path() + ": " + e.getMessage(), e);
            }
        }
        return files.stream().map(GeneratedFile::path).toList();
    }
}
