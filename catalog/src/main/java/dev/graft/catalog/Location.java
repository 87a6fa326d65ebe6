package dev.graft.catalog;

import java.util.Objects;

/**
 * A place in a catalog file: the file name relative to the catalog directory, and a 1-based
 * line and column. {@code toString()} is {@code V7__split.yaml:12:9}.
 *
 * @param file   the file name relative to the catalog directory, with {@code /} separators
 * @param line   1-based line
 * @param column 1-based column
 */
public record Location(String file, int line, int column) {

    public Location {
        Objects.requireNonNull(file, "file == null");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** The start of a file, for problems about the file as a whole. */
    public static Location of(String file) {
        return new Location(file, 1, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
