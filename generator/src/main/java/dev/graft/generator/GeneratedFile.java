package dev.graft.generator;

import dev.graft.catalog.Migration;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file the generator renders for a catalog migration.
 *
 * @param path      where it goes (under the configured output folders)
 * @param content   its text, byte-identical on every run
 * @param migration the catalog migration it comes from
 * @param kind      what it is
 */
public record GeneratedFile(Path path, String content, Migration migration, Kind kind) {

    /** The kinds of generated file. */
    public enum Kind {
        /** {@code V<version>__<slug>.sql}. */
        SQL,
        /** {@code V<version>__<slug>.sql.conf}: Flyway's script configuration (not transactional). */
        SQL_CONFIG,
        /** {@code V<version>__<Slug>.java}: a Java migration with batched backfills. */
        JAVA,
        /** A hand-written SQL migration of the catalog, copied verbatim. */
        COPY
    }

    public GeneratedFile {
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(content, "content == null");
        Objects.requireNonNull(migration, "migration == null");
        Objects.requireNonNull(kind, "kind == null");
    }
}
