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
import dev.graft.catalog.internal.Node;
import dev.graft.catalog.internal.YamlOut;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code create_index: {table, columns | expression, unique, where, name, method, include,
 * storage_parameters, nulls_not_distinct, tablespace}}: CREATE INDEX CONCURRENTLY IF NOT EXISTS;
 * an INVALID leftover is rebuilt. A {@code columns} entry is a name or
 * {@code {column | expression, opclass, collate, sort, nulls}}.
 *
 * @param location   where the refactoring is written
 * @param table      the table
 * @param columns    the indexed columns among the entries (empty when only expressions are indexed)
 * @param expression the indexed expression written as {@code expression:}, deterministic
 * @param unique     whether the index is unique
 * @param where      the predicate of a partial index, deterministic
 * @param name       the index name; {@code <table>_<cols>_idx} by default
 * @param options    method, entries, include, storage parameters, nulls not distinct, tablespace
 */
public record CreateIndex(Location location, TableName table, List<String> columns, Optional<Expression> expression,
        boolean unique, Optional<Expression> where, Optional<String> name, IndexOptions options) implements Refactoring {

    public CreateIndex {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        columns = List.copyOf(columns);
        Objects.requireNonNull(expression, "expression == null");
        Objects.requireNonNull(where, "where == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(options, "options == null");
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static CreateIndex read(Fields in) {
        TableName table = in.table("table");
        List<IndexElement> elements = IndexElement.readAll(in, "columns");
        Optional<Expression> expression = in.optionalExpression("expression", true);
        boolean hasColumns = in.has("columns");
        if (!hasColumns && expression.isEmpty()) {
            in.needs("columns", "or \"expression\"");
        } else if (hasColumns && expression.isPresent()) {
            in.conflict("columns", "expression");
        }
        List<IndexElement> all = expression.isPresent() ? List.of(IndexElement.of(expression.get().location(),
                expression.get())) : elements;
        Optional<String> method = Optional.ofNullable(in.choice("method",
                text -> Optional.of(text.toLowerCase(Locale.ROOT)).filter(IndexOptions.METHODS::contains),
                IndexOptions.METHODS, null));
        IndexOptions options = new IndexOptions(method, all, in.optionalNames("include"), storage(in),
                in.flag("nulls_not_distinct", false), in.optionalName("tablespace"));
        List<String> columns = expression.isPresent() ? List.of()
                : elements.stream().flatMap(e -> e.column().stream()).toList();
        return new CreateIndex(in.location(), table, columns, expression, in.flag("unique", false),
                in.optionalExpression("where", true), in.optionalName("name"), options);
    }

    private static Map<String, String> storage(Fields in) {
        Map<String, String> parameters = new LinkedHashMap<>();
        in.node("storage_parameters").ifPresent(node -> {
            if (!(node instanceof Node.MapNode m)) {
                in.wrongType("storage_parameters", "a map of parameter to value", node);
                return;
            }
            for (Node.Entry e : m.entries()) {
                in.checkName("storage_parameters", e.key(), e.keyLocation());
                if (e.value() instanceof Node.ScalarNode s && s.kind() != Node.ScalarKind.NULL) {
                    parameters.put(e.key(), s.text());
                } else {
                    in.wrongType(e.key(), "a value", e.value());
                }
            }
        });
        return parameters;
    }

    static void check(CreateIndex r, Checks c) {
        c.table(r.table, c.at("table")).ifPresent(t -> {
            c.columns(t, r.columns, c.at("columns"));
            c.columns(t, r.options.include(), c.at("include"));
            r.options.elements().forEach(e -> e.expression().ifPresent(x -> c.expression(x, r.table, t.columnNames())));
            r.where.ifPresent(w -> {
                c.expression(w, r.table, t.columnNames());
                c.condition(w, "where", Optional.of(t));
            });
        });
        IndexRules.check(r, c);
    }

    /** The index name: as given, or {@code <table>_<cols>_idx} ({@code <table>_expr_idx}). */
    public String indexName() {
        return name.orElse(ConstraintNames.of(table.name(), columns.isEmpty() ? List.of("expr") : columns, "idx"));
    }

    /** Whether every entry is a column: such a unique index without predicate is a key. */
    private boolean onColumnsOnly() {
        return !columns.isEmpty() && options.elements().stream().allMatch(e -> e.column().isPresent());
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        Optional<String> expressions = options.elements().stream().allMatch(e -> e.column().isPresent())
                ? Optional.empty() : Optional.of(options.elements().stream()
                        .map(e -> e.expression().map(Expression::sql).orElseGet(() -> e.column().orElse("")))
                        .collect(Collectors.joining(", ")));
        SchemaView indexed = before.withTableChanged(table, t -> {
            TableView with = t.withIndex(new IndexView(indexName(), expressions.isPresent() ? List.of() : columns,
                    expressions, unique, where.map(Expression::sql)));
            boolean key = unique && onColumnsOnly() && where.isEmpty() && !options.nullsNotDistinct();
            return key ? with.withUniqueKey(new KeyView(indexName(), columns)) : with;
        });
        return options.isPlain() ? indexed : indexed.withIndexOptions(table, indexName(), options);
    }

    static YamlOut write(CreateIndex r) {
        YamlOut out = YamlOut.map().put("table", r.table.toString());
        List<IndexElement> elements = r.options.elements();
        if (r.expression.isEmpty()) {
            if (elements.stream().allMatch(IndexElement::isPlainColumn)) {
                out.putNames("columns", r.columns);
            } else {
                out.putList("columns", elements, IndexElement::write);
            }
        }
        out.putExpression("expression", r.expression);
        if (r.unique) {
            out.put("unique", true);
        }
        out.putExpression("where", r.where).put("name", r.name).put("method", r.options.method());
        if (!r.options.include().isEmpty()) {
            out.putNames("include", r.options.include());
        }
        if (!r.options.storageParameters().isEmpty()) {
            YamlOut parameters = YamlOut.map();
            r.options.storageParameters().forEach(parameters::put);
            out.put("storage_parameters", parameters);
        }
        if (r.options.nullsNotDistinct()) {
            out.put("nulls_not_distinct", true);
        }
        return out.put("tablespace", r.options.tablespace());
    }

    /** Reports an option the index method does not take. */
    static void optionProblem(Checks c, String key, String message) {
        c.report(c.at(key), ProblemCode.INDEX_OPTION, message);
    }
}
