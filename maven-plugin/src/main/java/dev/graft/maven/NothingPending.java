package dev.graft.maven;

import dev.graft.catalog.Catalog;
import dev.graft.catalog.Version;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * What a run with no pending migration found, said instead of a bare "nothing to verify": the
 * catalog files, the Flyway folder's migrations and the version the parent is at.
 *
 * @param catalogDirectory the catalog folder
 * @param catalogFiles     how many catalog files it has
 * @param migrations       the Flyway folder
 * @param sqlMigrations    its SQL migrations, by version
 * @param parent           the parent as the user names it
 * @param applied          the newest version the parent has applied, if any
 */
record NothingPending(Path catalogDirectory, int catalogFiles, Path migrations, Map<Version, String> sqlMigrations,
        String parent, Optional<Version> applied) {

    static NothingPending of(Catalog catalog, Path catalogDirectory, Path migrations, String parent,
            Optional<Version> applied) throws MojoExecutionException {
        return new NothingPending(catalogDirectory, catalog.migrations().size(), migrations,
                ParentSchema.sqlMigrations(migrations), parent, applied);
    }

    /** One sentence: {@code nothing to verify: no catalog files in src/main/graft, 0 migrations in ...}. */
    String sentence() {
        String catalog = catalogFiles == 0 ? "no catalog files in " + catalogDirectory
                : catalogFiles + " catalog file(s) in " + catalogDirectory;
        String files = sqlMigrations.size() + " SQL migration(s) in " + migrations
                + (sqlMigrations.isEmpty() ? "" : " (V" + first() + " to V" + last() + ")");
        String at = applied.map(v -> "the parent \"" + parent + "\" is at V" + v + ", so every one is applied")
                .orElse("the parent \"" + parent + "\" has no Flyway history");
        return "nothing to verify: " + catalog + ", " + files + ", " + at;
    }

    private Version first() {
        return sqlMigrations.keySet().iterator().next();
    }

    private Version last() {
        return sqlMigrations.keySet().stream().reduce((a, b) -> b).orElseThrow();
    }
}
