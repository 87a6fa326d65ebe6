package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.DdlFollower;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code sql: {up, down}}: statements written by hand, idempotent (verify proves it). The
 * schema view follows their DDL where the SQL parser can; what it cannot follow is a warning.
 *
 * @param location where the refactoring is written
 * @param up       the statements of the migration
 * @param down     statements undoing them, if given
 */
public record Sql(Location location, SqlScript up, Optional<SqlScript> down) implements Refactoring {

    public Sql {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(up, "up == null");
        Objects.requireNonNull(down, "down == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static Sql read(Fields in) {
        return new Sql(in.location(), in.script("up"), in.optionalScript("down"));
    }

    static void check(Sql r, Checks c) {
        c.follow(r.up);
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return DdlFollower.follow(up.text(), before, (statement, reason, line, column) -> { });
    }

    static YamlOut write(Sql r) {
        YamlOut out = YamlOut.map().put("up", r.up.text());
        r.down.ifPresent(d -> out.put("down", d.text()));
        return out;
    }
}
