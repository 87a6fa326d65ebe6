package dev.graft.catalog;

import dev.graft.catalog.refactoring.Refactoring;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of a catalog: a YAML migration of refactorings ({@code V7__split.yaml}) or a
 * hand-written SQL migration ({@code V8__fix.sql}).
 *
 * @param version      its version
 * @param slug         the part after {@code __}: {@code split}
 * @param source       the file
 * @param fileName     the file name relative to the catalog directory, {@code /}-separated
 * @param checksum     SHA-256 of the file's bytes, lower-case hex
 * @param description  the optional {@code description}
 * @param kind         catalog YAML or hand-written SQL
 * @param sql          the text of a hand-written SQL migration
 * @param refactorings the refactorings, in order (empty for SQL)
 */
public record Migration(Version version, String slug, Path source, String fileName, String checksum,
        Optional<String> description, Kind kind, Optional<String> sql, List<Refactoring> refactorings) {

    /** What a migration file holds. */
    public enum Kind {
        /** {@code V<version>__<slug>.yaml}: refactorings. */
        CATALOG,
        /** {@code V<version>__<slug>.sql}: hand-written SQL. */
        SQL
    }

    public Migration {
        Objects.requireNonNull(version, "version == null");
        Objects.requireNonNull(slug, "slug == null");
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(fileName, "fileName == null");
        Objects.requireNonNull(checksum, "checksum == null");
        Objects.requireNonNull(description, "description == null");
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(sql, "sql == null");
        refactorings = List.copyOf(refactorings);
    }

    /** Whether this is a hand-written SQL migration. */
    public boolean isSql() {
        return kind == Kind.SQL;
    }

    /** Whether any refactoring of it opens a transition. */
    public boolean opensTransition() {
        return refactorings.stream().anyMatch(Refactoring::isTransition);
    }
}
