package dev.graft.catalog;

import java.util.Objects;

/**
 * One thing wrong with a catalog, at a place, with a stable code.
 *
 * <pre>{@code
 * Problem p = new Problem(new Location("V7__split.yaml", 12, 9),
 *         ProblemCode.NO_SUCH_COLUMN, "column \"inventory_code\" does not exist on table \"inventory\"");
 * p.toString(); // V7__split.yaml:12:9: column "inventory_code" does not exist on table "inventory" [GRAFT-C102]
 * }</pre>
 *
 * @param location where it is
 * @param kind     which problem, giving the stable code and default severity
 * @param message  lower case, names in double quotes
 * @param severity error or warning
 */
public record Problem(Location location, ProblemCode kind, String message, Severity severity) {

    public Problem {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(severity, "severity == null");
    }

    /** A problem with the code's own severity. */
    public Problem(Location location, ProblemCode kind, String message) {
        this(location, kind, message, kind.severity());
    }

    /** The stable code, such as {@code GRAFT-C102}. */
    public String code() {
        return kind.code();
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return location + ": " + message + " [" + code() + "]";
    }
}
