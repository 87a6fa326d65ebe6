package dev.graft.catalog.baseline;

import dev.graft.catalog.CatalogException;
import dev.graft.catalog.CheckView;
import dev.graft.catalog.ColumnView;
import dev.graft.catalog.ForeignKeyView;
import dev.graft.catalog.IndexView;
import dev.graft.catalog.KeyView;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.ViewDefinition;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.Node;
import dev.graft.catalog.internal.Problems;
import dev.graft.catalog.internal.YamlTree;
import dev.graft.catalog.refactoring.ReferentialAction;
import dev.graft.catalog.refactoring.TableName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads a baseline file, every problem located at its line and column, as catalog files are read. */
final class BaselineReader {

    private static final List<String> ACTIONS =
            Arrays.stream(ReferentialAction.values()).map(ReferentialAction::yaml).toList();

    private final Problems problems = new Problems();
    private final Map<TableName, String> primaryKeyNames = new TreeMap<>(
            java.util.Comparator.comparing(TableName::schema).thenComparing(TableName::name));
    private final List<Comment> comments = new ArrayList<>();

    private BaselineReader() { }

    static Baseline read(String text, String fileName) {
        BaselineReader reader = new BaselineReader();
        Baseline baseline = reader.baseline(text, fileName);
        if (reader.problems.hasErrors()) {
            throw new CatalogException(reader.problems.sorted());
        }
        return baseline;
    }

    private Baseline baseline(String text, String fileName) {
        Optional<Node> root = new YamlTree(fileName, problems).read(text);
        if (root.isEmpty() || root.get() instanceof Node.ScalarNode s && s.kind() == Node.ScalarKind.NULL) {
            return Baseline.empty();
        }
        Optional<Fields> fields = Fields.of(root.get(), "baseline", problems);
        if (fields.isEmpty()) {
            return Baseline.empty();
        }
        Fields in = fields.get();
        List<EnumType> enums = in.optionalList("enums", e -> new EnumType(TableName.parse(e.string("name")),
                e.optionalNames("labels")));
        SchemaView schema = SchemaView.empty();
        for (TableView table : in.optionalList("tables", this::table)) {
            schema = schema.withTable(table);
        }
        for (ViewDefinition view : in.optionalList("views", this::view)) {
            schema = schema.withView(view);
        }
        in.finish();
        return new Baseline(schema, primaryKeyNames, enums, comments);
    }

    private TableView table(Fields in) {
        TableName name = TableName.parse(in.string("name"));
        in.optionalString("comment").ifPresent(text -> comments.add(new Comment(name, Optional.empty(), text)));
        List<ColumnView> columns = in.optionalList("columns", c -> column(c, name));
        List<String> primaryKey = in.optionalObject("primary_key", key -> {
            primaryKeyNames.put(name, key.string("name"));
            return key.optionalNames("columns");
        }).orElse(List.of());
        List<KeyView> uniqueKeys = in.optionalList("unique_keys", k -> new KeyView(k.string("name"),
                k.optionalNames("columns")));
        List<ForeignKeyView> foreignKeys = in.optionalList("foreign_keys", this::foreignKey);
        List<CheckView> checks = in.optionalList("checks", c -> new CheckView(c.string("name"), c.string("expression")));
        List<IndexView> indexes = in.optionalList("indexes", i -> new IndexView(i.string("name"),
                i.optionalNames("columns"), i.optionalString("expression"), i.flag("unique", false),
                i.optionalString("where")));
        return new TableView(name, columns, primaryKey, uniqueKeys, foreignKeys, checks, indexes);
    }

    private ColumnView column(Fields in, TableName table) {
        String name = in.string("name");
        in.optionalString("comment").ifPresent(text -> comments.add(new Comment(table, Optional.of(name), text)));
        return new ColumnView(name, in.string("type"), in.flag("nullable", true), in.optionalString("default"),
                in.optionalString("identity"), in.optionalString("generated"));
    }

    private ForeignKeyView foreignKey(Fields in) {
        return new ForeignKeyView(in.string("name"), in.optionalNames("columns"),
                TableName.parse(in.string("references")), in.optionalNames("referenced_columns"),
                in.choice("on_delete", ReferentialAction::parse, ACTIONS, ReferentialAction.NO_ACTION),
                in.choice("on_update", ReferentialAction::parse, ACTIONS, ReferentialAction.NO_ACTION));
    }

    private ViewDefinition view(Fields in) {
        TableName name = TableName.parse(in.string("name"));
        in.optionalString("comment").ifPresent(text -> comments.add(new Comment(name, Optional.empty(), text)));
        return new ViewDefinition(name, in.optionalNames("columns"));
    }
}
