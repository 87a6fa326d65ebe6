package dev.graft.catalog.refactoring;

import dev.graft.catalog.ConstraintNames;
import dev.graft.catalog.IndexView;
import dev.graft.catalog.KeyView;
import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code set_replica_identity: {table, identity, index}}: what logical replication writes of an
 * updated or deleted row: {@code default} (the primary key), {@code full} (the whole row),
 * {@code nothing}, or {@code index} with {@code index} naming a unique, non-partial index (or
 * unique constraint) of NOT NULL columns. The schema view keeps no replica identity, so it is unchanged.
 *
 * @param location where the refactoring is written
 * @param table    the table
 * @param identity which replica identity
 * @param index    the index, for {@code identity: index}
 */
public record SetReplicaIdentity(Location location, TableName table, Identity identity, Optional<String> index)
        implements Refactoring {

    /** The replica identity, with its {@code pg_class.relreplident} code. */
    public enum Identity {
        DEFAULT('d'), FULL('f'), NOTHING('n'), INDEX('i');

        private final char code;

        Identity(char code) {
            this.code = code;
        }

        /** {@code pg_class.relreplident}: {@code d}, {@code f}, {@code n} or {@code i}. */
        public char code() {
            return code;
        }

        /** The catalog spelling: {@code full}. */
        public String yaml() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Identity> parse(String text) {
            return Arrays.stream(values()).filter(i -> i.yaml().equalsIgnoreCase(text.trim())).findFirst();
        }
    }

    static final List<String> IDENTITIES = Arrays.stream(Identity.values()).map(Identity::yaml).toList();

    public SetReplicaIdentity {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        Objects.requireNonNull(identity, "identity == null");
        Objects.requireNonNull(index, "index == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static SetReplicaIdentity read(Fields in) {
        TableName table = in.table("table");
        Identity identity = in.choice("identity", Identity::parse, IDENTITIES, Identity.DEFAULT);
        if (!in.has("identity")) {
            in.string("identity");
        }
        Optional<String> index = in.optionalName("index");
        if (identity == Identity.INDEX && index.isEmpty() && in.has("identity")) {
            in.needs("identity", "index");
        } else if (identity != Identity.INDEX && index.isPresent()) {
            in.needs("index", "identity: index");
        }
        return new SetReplicaIdentity(in.location(), table, identity, index);
    }

    static void check(SetReplicaIdentity r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> r.index.ifPresent(name -> {
            Optional<List<String>> columns = usableIndex(t, name);
            if (columns.isEmpty()) {
                if (c.schema().isExact()) {
                    c.report(c.at("index"), ProblemCode.REPLICA_INDEX, "table \"" + r.table + "\" has no unique,"
                            + " non-partial index \"" + name + "\" on plain columns to be its replica identity");
                }
                return;
            }
            columns.get().stream().filter(col -> t.column(col).map(v -> v.nullable()).orElse(false)
                    && !t.primaryKey().contains(col)).findFirst().ifPresent(col -> c.report(c.at("index"),
                    ProblemCode.REPLICA_INDEX, "index \"" + name + "\" covers column \"" + col
                            + "\", which is nullable: a replica identity index needs NOT NULL columns"));
        }));
    }

    /** The columns of the unique index, unique constraint or primary key named {@code name}. */
    private static Optional<List<String>> usableIndex(TableView t, String name) {
        Stream<List<String>> indexes = t.indexes().stream()
                .filter(i -> i.name().equals(name) && i.unique() && i.where().isEmpty() && i.expression().isEmpty())
                .map(IndexView::columns);
        Stream<List<String>> keys = t.uniqueKeys().stream().filter(k -> k.name().equals(name)).map(KeyView::columns);
        Stream<List<String>> primary = Stream.of(t.primaryKey())
                .filter(pk -> !pk.isEmpty() && ConstraintNames.primaryKey(t.name().name()).equals(name));
        return Stream.of(indexes, keys, primary).flatMap(s -> s).findFirst();
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before;
    }

    static YamlOut write(SetReplicaIdentity r) {
        return YamlOut.map().put("table", r.table.toString()).put("identity", r.identity.yaml()).put("index", r.index);
    }
}
