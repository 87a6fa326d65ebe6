package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.Node;
import dev.graft.catalog.internal.YamlOut;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an index's {@code columns}: a plain name, or
 * {@code {column | expression, opclass, collate, sort: asc|desc, nulls: first|last}}.
 *
 * @param location   where it is written
 * @param column     the indexed column (empty for an expression)
 * @param expression the indexed expression, deterministic
 * @param opclass    the operator class, such as {@code text_pattern_ops}
 * @param collation  the collation, such as {@code C}
 * @param sort       {@code asc} or {@code desc}
 * @param nulls      {@code first} or {@code last}
 */
public record IndexElement(Location location, Optional<String> column, Optional<Expression> expression,
        Optional<String> opclass, Optional<String> collation, Optional<String> sort, Optional<String> nulls) {

    private static final List<String> SORTS = List.of("asc", "desc");
    private static final List<String> NULLS = List.of("first", "last");

    public IndexElement {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(column, "column == null");
        Objects.requireNonNull(expression, "expression == null");
        Objects.requireNonNull(opclass, "opclass == null");
        Objects.requireNonNull(collation, "collation == null");
        Objects.requireNonNull(sort, "sort == null");
        Objects.requireNonNull(nulls, "nulls == null");
    }

    /** A plain column. */
    public static IndexElement of(Location location, String column) {
        return new IndexElement(location, Optional.of(column), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** A plain expression. */
    public static IndexElement of(Location location, Expression expression) {
        return new IndexElement(location, Optional.empty(), Optional.of(expression), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Whether it is a column with nothing else said about it. */
    public boolean isPlainColumn() {
        return column.isPresent() && opclass.isEmpty() && collation.isEmpty() && sort.isEmpty() && nulls.isEmpty();
    }

    /** Whether it says an order ({@code sort} or {@code nulls}). */
    public boolean isOrdered() {
        return sort.isPresent() || nulls.isPresent();
    }

    /** The entries of {@code columns}, names and maps alike; empty if none is written. */
    static List<IndexElement> readAll(Fields in, String key) {
        Optional<Node> value = in.node(key);
        if (value.isEmpty()) {
            return List.of();
        }
        List<Node> items = value.get() instanceof Node.ListNode l ? l.items() : List.of(value.get());
        if (items.isEmpty()) {
            in.problems().report(value.get().location(), ProblemCode.MISSING_KEY, "\"" + key
                    + "\" must not be empty: name at least one column");
        }
        return items.stream().map(item -> read(in, key, item)).flatMap(Optional::stream).toList();
    }

    private static Optional<IndexElement> read(Fields in, String key, Node item) {
        if (item instanceof Node.ScalarNode s) {
            in.checkName(key, s.text(), s.location());
            return Optional.of(of(s.location(), s.text()));
        }
        if (!(item instanceof Node.MapNode m)) {
            in.wrongType(key, "a column name or a map", item);
            return Optional.empty();
        }
        Fields f = new Fields(m, key, in.problems());
        Optional<String> column = f.optionalName("column");
        Optional<Expression> expression = f.optionalExpression("expression", true);
        if (column.isPresent() == expression.isPresent()) {
            if (column.isPresent()) {
                f.conflict("column", "expression");
            } else {
                in.problems().report(m.location(), ProblemCode.MISSING_KEY,
                        "missing required key \"column\" or \"expression\" in \"" + key + "\"");
                in.markBroken();
            }
        }
        Optional<String> opclass = f.optionalName("opclass");
        Optional<String> collation = f.optionalString("collate");
        Optional<String> sort = Optional.ofNullable(f.choice("sort", word(SORTS), SORTS, null));
        Optional<String> nulls = Optional.ofNullable(f.choice("nulls", word(NULLS), NULLS, null));
        f.finish();
        if (f.broken()) {
            in.markBroken();
        }
        return Optional.of(new IndexElement(m.location(), column, expression, opclass, collation, sort, nulls));
    }

    private static java.util.function.Function<String, Optional<String>> word(List<String> words) {
        return text -> Optional.of(text.toLowerCase(Locale.ROOT)).filter(words::contains);
    }

    YamlOut write() {
        if (isPlainColumn()) {
            return YamlOut.text(column.orElseThrow());
        }
        YamlOut out = YamlOut.map().put("column", column).putExpression("expression", expression);
        return out.put("opclass", opclass).put("collate", collation).put("sort", sort).put("nulls", nulls);
    }
}
