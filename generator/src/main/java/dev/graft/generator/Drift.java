package dev.graft.generator;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A generated file that no longer matches what the generator would write now.
 *
 * @param kind    what drifted
 * @param path    the file
 * @param message what to do about it, naming the file
 */
public record Drift(Kind kind, Path path, String message) {

    /** The kinds of drift. */
    public enum Kind {
        /** Not generated yet: {@code generate} writes it. */
        MISSING,
        /** The catalog file changed after its migration was generated: add a new version instead. */
        CATALOG_CHANGED,
        /** The generated file was edited by hand. */
        EDITED,
        /** This generator renders the same catalog file differently (a generator upgrade). */
        GENERATOR_CHANGED
    }

    public Drift {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(message, "message == null");
    }

    @Override
    public String toString() {
        return path + ": " + message + " [" + kind + "]";
    }
}
