package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.internal.ScriptPositions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * SQL statements as written for the {@code sql} refactoring: one or more statements, {@code DO}
 * blocks allowed; they must be idempotent (verify proves it).
 *
 * @param text     the script as written
 * @param location where it is written
 */
public record SqlScript(String text, Location location) {

    public SqlScript {
        Objects.requireNonNull(text, "text == null");
        Objects.requireNonNull(location, "location == null");
    }

    /**
     * Where a position of the script stands in the catalog file it is written in: after {@code up: "}
     * on the same line, or, for a block scalar ({@code up: |}), from the next line at its indentation.
     *
     * @param source the catalog file ({@code Migration.source()}); when it cannot be read, the
     *               script's own location is the best answer
     * @param line   1-based line in the script
     * @param column 1-based column in the script
     */
    public Location locate(Path source, int line, int column) {
        return ScriptPositions.locate(location, source, line, column);
    }
}
