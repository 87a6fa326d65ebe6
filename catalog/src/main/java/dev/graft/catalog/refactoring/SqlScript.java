package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
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
}
