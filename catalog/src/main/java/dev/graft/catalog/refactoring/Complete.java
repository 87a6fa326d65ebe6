package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.Version;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Node;
import dev.graft.catalog.internal.Problems;
import dev.graft.catalog.internal.YamlOut;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code complete: "7"}: ends the transitions opened by version 7 (the contract: old shapes and
 * triggers dropped). The catalog applies the contracts; {@link #applyTo} alone changes nothing.
 *
 * @param location where the refactoring is written
 * @param version  the version whose transitions end
 */
public record Complete(Location location, Version version) implements Refactoring {

    public Complete {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(version, "version == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static Optional<Complete> read(Location at, Node value, Problems problems) {
        if (!(value instanceof Node.ScalarNode s) || s.kind() == Node.ScalarKind.NULL
                || s.kind() == Node.ScalarKind.BOOLEAN) {
            problems.report(value.location(), ProblemCode.WRONG_TYPE,
                    "\"complete\" must be a version such as \"7\", found " + value.describe());
            return Optional.empty();
        }
        if (!Version.isValid(s.text())) {
            problems.report(s.location(), ProblemCode.INVALID_VERSION, "invalid version \"" + s.text()
                    + "\" in \"complete\": use digits separated by \".\" or \"_\"");
            return Optional.empty();
        }
        return Optional.of(new Complete(at, Version.parse(s.text())));
    }

    static void check(Complete r, Checks c) {
        c.complete(r.version, r.location);
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before;
    }

    static YamlOut write(Complete r) {
        return YamlOut.text(r.version.toString());
    }
}
