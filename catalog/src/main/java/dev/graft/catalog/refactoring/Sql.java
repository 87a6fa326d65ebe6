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
 * {@code sql: {up, down, on_complete}}: statements written by hand, idempotent (verify proves
 * it). The schema view follows their DDL where the SQL parser can; what it cannot follow is a
 * warning. With {@code on_complete} it is a transition: {@code up} runs in its own migration,
 * {@code on_complete} in the migration that completes its version.
 *
 * @param location   where the refactoring is written
 * @param up         the statements of the migration
 * @param down       statements undoing them, if given
 * @param onComplete statements the {@code complete} of this version runs, if given
 */
public record Sql(Location location, SqlScript up, Optional<SqlScript> down, Optional<SqlScript> onComplete)
        implements Refactoring {

    public Sql {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(up, "up == null");
        Objects.requireNonNull(down, "down == null");
        Objects.requireNonNull(onComplete, "onComplete == null");
    }

    /** Statements without an {@code on_complete} part. */
    public Sql(Location location, SqlScript up, Optional<SqlScript> down) {
        this(location, up, down, Optional.empty());
    }

    @Override
    public boolean isTransition() {
        return onComplete.isPresent();
    }

    static Sql read(Fields in) {
        return new Sql(in.location(), in.script("up"), in.optionalScript("down"), in.optionalScript("on_complete"));
    }

    static void check(Sql r, Checks c) {
        c.follow(r.up);
        if (r.onComplete.isPresent()) {
            c.opensTable(java.util.List.of());
        }
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return DdlFollower.follow(up.text(), before, (statement, reason, line, column) -> { });
    }

    /** The schema after {@code on_complete}, as far as its DDL can be followed. */
    @Override
    public SchemaView contract(SchemaView during) {
        return onComplete.map(s -> DdlFollower.follow(s.text(), during, (statement, reason, line, column) -> { }))
                .orElse(during);
    }

    static YamlOut write(Sql r) {
        YamlOut out = YamlOut.map().put("up", r.up.text());
        r.down.ifPresent(d -> out.put("down", d.text()));
        r.onComplete.ifPresent(d -> out.put("on_complete", d.text()));
        return out;
    }
}
