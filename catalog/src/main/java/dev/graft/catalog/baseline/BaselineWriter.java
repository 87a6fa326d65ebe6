package dev.graft.catalog.baseline;

import dev.graft.catalog.CatalogWriter;
import dev.graft.catalog.ColumnView;
import dev.graft.catalog.ForeignKeyView;
import dev.graft.catalog.IndexView;
import dev.graft.catalog.KeyView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.ViewDefinition;
import dev.graft.catalog.internal.YamlOut;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Writes a {@link Baseline} as YAML: tables, views and enums by name, columns in table order. */
final class BaselineWriter {

    private static final String HEADER = """
            # The schema the parent database has before the first catalog migration, written by
            # `mvn graft:baseline`. Review and commit it; generate and check read it offline, and
            # verify, status and diff fail when the parent no longer matches it.
            """;

    private BaselineWriter() { }

    static String toYaml(Baseline baseline) {
        YamlOut root = YamlOut.map();
        list(root, "enums", baseline.enums(), e -> YamlOut.map().put("name", e.name().qualified())
                .putNames("labels", e.labels()));
        list(root, "tables", baseline.schema().tables().stream().toList(), t -> table(t, baseline));
        list(root, "views", baseline.schema().views().stream().toList(), v -> view(v, baseline));
        return HEADER + CatalogWriter.toYaml(root.node());
    }

    private static YamlOut table(TableView table, Baseline baseline) {
        YamlOut out = YamlOut.map().put("name", table.name().qualified())
                .put("comment", baseline.comment(table.name(), Optional.empty()));
        out.putList("columns", table.columns(), c -> column(c, baseline.comment(table.name(), Optional.of(c.name()))));
        if (!table.primaryKey().isEmpty()) {
            out.put("primary_key", YamlOut.map().put("name", baseline.primaryKeyNames().getOrDefault(table.name(), ""))
                    .putNames("columns", table.primaryKey()));
        }
        list(out, "unique_keys", table.uniqueKeys(), BaselineWriter::key);
        list(out, "foreign_keys", table.foreignKeys(), BaselineWriter::foreignKey);
        list(out, "checks", table.checks(), c -> YamlOut.map().put("name", c.name()).put("expression", c.expression()));
        list(out, "indexes", table.indexes(), BaselineWriter::index);
        return out;
    }

    /** An empty list is left out: the reader takes a missing list for an empty one. */
    private static <T> void list(YamlOut map, String key, List<T> items, Function<T, YamlOut> write) {
        if (!items.isEmpty()) {
            map.putList(key, items, write);
        }
    }

    private static YamlOut column(ColumnView column, Optional<String> comment) {
        return YamlOut.map().put("name", column.name()).put("type", column.type()).put("nullable", column.nullable())
                .put("default", column.defaultValue()).put("identity", column.identity())
                .put("generated", column.generated()).put("comment", comment);
    }

    private static YamlOut key(KeyView key) {
        return YamlOut.map().put("name", key.name()).putNames("columns", key.columns());
    }

    private static YamlOut foreignKey(ForeignKeyView key) {
        return YamlOut.map().put("name", key.name()).putNames("columns", key.columns())
                .put("references", key.referencedTable().qualified())
                .putNames("referenced_columns", key.referencedColumns())
                .put("on_delete", key.onDelete().yaml()).put("on_update", key.onUpdate().yaml());
    }

    private static YamlOut index(IndexView index) {
        YamlOut out = YamlOut.map().put("name", index.name());
        if (!index.columns().isEmpty()) {
            out.putNames("columns", index.columns());
        }
        return out
                .put("expression", index.expression()).put("unique", index.unique()).put("where", index.where());
    }

    private static YamlOut view(ViewDefinition view, Baseline baseline) {
        return YamlOut.map().put("name", view.name().qualified())
                .put("comment", baseline.comment(view.name(), Optional.empty())).putNames("columns", view.columns());
    }
}
