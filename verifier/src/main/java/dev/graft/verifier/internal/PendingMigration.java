package dev.graft.verifier.internal;

import dev.graft.catalog.Migration;
import dev.graft.verifier.sql.MigrationStatement;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A migration Flyway would apply next, with what the verifier needs to know about it.
 *
 * @param version    its Flyway version
 * @param script     its script name as Flyway reports it
 * @param file       the SQL file, for SQL migrations on the file system
 * @param sql        the SQL text (empty for Java migrations)
 * @param statements the SQL split as Flyway splits it
 * @param generated  whether the file carries the generator's header (generated files are not linted)
 * @param model      the catalog migration of the same version, if a catalog was given
 */
public record PendingMigration(String version, String script, Optional<Path> file, String sql,
        List<MigrationStatement> statements, boolean generated, Optional<Migration> model) {

    public PendingMigration {
        Objects.requireNonNull(version, "version == null");
        Objects.requireNonNull(script, "script == null");
        Objects.requireNonNull(file, "file == null");
        Objects.requireNonNull(sql, "sql == null");
        statements = List.copyOf(statements);
        Objects.requireNonNull(model, "model == null");
    }

    /** Whether it is SQL the verifier can read (not a Java migration). */
    public boolean isSql() {
        return file.isPresent();
    }

    /** The file name to show: {@code V2__split.sql}. */
    public String fileName() {
        return file.map(f -> f.getFileName().toString()).orElse(script);
    }
}
