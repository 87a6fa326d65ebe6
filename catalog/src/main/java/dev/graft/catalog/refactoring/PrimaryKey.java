package dev.graft.catalog.refactoring;

import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.Node;
import dev.graft.catalog.internal.YamlOut;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code primary_key: [a, b]} (a single name is accepted), or {@code {columns: [...], name: ...}}.
 *
 * @param columns key columns, in order
 * @param name    constraint name; PostgreSQL's default ({@code <table>_pkey}) if empty
 */
public record PrimaryKey(List<String> columns, Optional<String> name) {

    public PrimaryKey {
        columns = List.copyOf(columns);
        Objects.requireNonNull(name, "name == null");
    }

    static Optional<PrimaryKey> read(Fields in, String key) {
        Optional<Node> node = in.node(key);
        if (node.isPresent() && node.get() instanceof Node.MapNode) {
            return in.optionalObject(key, pk -> new PrimaryKey(pk.names("columns"), pk.optionalName("name")));
        }
        List<String> columns = in.optionalNames(key);
        return columns.isEmpty() ? Optional.empty() : Optional.of(new PrimaryKey(columns, Optional.empty()));
    }

    YamlOut write() {
        return name.isEmpty() ? YamlOut.list(columns.stream().map(YamlOut::text).toList())
                : YamlOut.map().putNames("columns", columns).put("name", name);
    }
}
