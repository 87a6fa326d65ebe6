package dev.graft.catalog.internal;

import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.refactoring.Backfill;
import dev.graft.catalog.refactoring.Expression;
import dev.graft.catalog.refactoring.SqlScript;
import dev.graft.catalog.refactoring.TableName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed, located reading of one YAML map: every accessor names the key it reads, so the keys
 * that were never asked for are the unknown ones ({@link #finish()}). A wrong type or missing
 * key is reported and marks the map broken; invalid content (a bad name, a bad expression) is
 * reported and the value kept, so later checks still run.
 */
public final class Fields {

    private static final Pattern SQL_TYPE = Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?( [A-Za-z_][A-Za-z0-9_]*)*"
            + "( ?\\( *[0-9]+ *(, *-?[0-9]+ *)?\\))?( (with|without) time zone)?( ?\\[[0-9]*\\])*");
    private static final Pattern CUT_TAIL = Pattern.compile("[^(]*\\)[^(]*");

    private final Node.MapNode map;
    private final String context;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();
    private boolean broken;
    private Location origin;

    public Fields(Node.MapNode map, String context, Problems problems) {
        this.map = map;
        this.context = context;
        this.problems = problems;
        this.origin = map.location();
    }

    /** Locates this map at {@code at} (the refactoring's key) rather than at its first entry. */
    public Fields from(Location at) {
        this.origin = at;
        return this;
    }

    /** Fields of {@code node} if it is a map; otherwise reports it and returns empty. */
    public static Optional<Fields> of(Node node, String context, Problems problems) {
        if (node instanceof Node.MapNode m) {
            return Optional.of(new Fields(m, context, problems));
        }
        problems.report(node.location(), ProblemCode.WRONG_TYPE,
                "\"" + context + "\" must be a map, found " + node.describe());
        return Optional.empty();
    }

    public Location location() {
        return origin;
    }

    public Problems problems() {
        return problems;
    }

    /** Whether a required key was missing or a value had the wrong type. */
    public boolean broken() {
        return broken;
    }

    public void markBroken() {
        broken = true;
    }

    /** Where the value of {@code key} is written, or the map itself if the key is absent. */
    public Location at(String key) {
        return map.entry(key).map(e -> e.value().location()).orElse(map.location());
    }

    public boolean has(String key) {
        known.add(key);
        return map.entry(key).filter(e -> !isNull(e.value())).isPresent();
    }

    /** Every entry, for maps whose keys are names (insert_data rows); all count as known. */
    public List<Node.Entry> entries() {
        map.entries().forEach(e -> known.add(e.key()));
        return map.entries();
    }

    /** Reports that {@code a} and {@code b} exclude each other. */
    public void conflict(String a, String b) {
        problems.report(at(a), ProblemCode.CONFLICTING_KEYS,
                "\"" + a + "\" and \"" + b + "\" exclude each other in \"" + context + "\": write one of them");
    }

    /** Whether the map under {@code key} has a non-null {@code inner} key. */
    public boolean hasNested(String key, String inner) {
        return map.entry(key).map(Node.Entry::value)
                .filter(v -> v instanceof Node.MapNode m && m.entry(inner).filter(e -> !isNull(e.value())).isPresent())
                .isPresent();
    }

    /** Reports that {@code key} is only allowed together with {@code other}. */
    public void needs(String key, String other) {
        problems.report(at(key), ProblemCode.CONFLICTING_KEYS,
                "\"" + key + "\" needs \"" + other + "\" in \"" + context + "\"");
    }

    /** The raw node of {@code key}, absent if missing or null. */
    public Optional<Node> node(String key) {
        known.add(key);
        return map.entry(key).map(Node.Entry::value).filter(v -> !isNull(v));
    }

    private Optional<Node> required(String key) {
        Optional<Node> value = node(key);
        if (value.isEmpty()) {
            problems.report(origin, ProblemCode.MISSING_KEY,
                    "missing required key \"" + key + "\" in \"" + context + "\"");
            broken = true;
        }
        return value;
    }

    private Optional<Node.ScalarNode> scalar(String key, Optional<Node> value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof Node.ScalarNode s) {
            return Optional.of(s);
        }
        wrongType(key, "a string", value.get());
        return Optional.empty();
    }

    public void wrongType(String key, String expected, Node found) {
        problems.report(found.location(), ProblemCode.WRONG_TYPE,
                "\"" + key + "\" must be " + expected + ", found " + found.describe());
        broken = true;
    }

    public String string(String key) {
        return scalar(key, required(key)).map(Node.ScalarNode::text).orElse("");
    }

    public Optional<String> optionalString(String key) {
        return scalar(key, node(key)).map(Node.ScalarNode::text);
    }

    /** A required identifier. */
    public String name(String key) {
        String name = string(key);
        if (has(key)) {
            checkName(key, name, at(key));
        }
        return name;
    }

    public Optional<String> optionalName(String key) {
        Optional<String> name = optionalString(key);
        name.ifPresent(n -> checkName(key, n, at(key)));
        return name;
    }

    public void checkName(String key, String name, Location at) {
        if (!Identifiers.isValid(name)) {
            problems.report(at, ProblemCode.INVALID_IDENTIFIER, "invalid name \"" + name + "\" for \"" + key
                    + "\": use letters, digits and _, not starting with a digit, at most 63 bytes");
        }
    }

    /** A required list of names; a single name is accepted for a list of one. */
    public List<String> names(String key) {
        required(key);
        return optionalNames(key);
    }

    public List<String> optionalNames(String key) {
        Optional<Node> value = node(key);
        if (value.isEmpty()) {
            return List.of();
        }
        List<Node> items = value.get() instanceof Node.ListNode l ? l.items() : List.of(value.get());
        List<String> names = new ArrayList<>();
        for (Node item : items) {
            if (item instanceof Node.ScalarNode s) {
                checkName(key, s.text(), s.location());
                if (names.contains(s.text())) {
                    problems.report(s.location(), ProblemCode.DUPLICATE_NAME,
                            "\"" + s.text() + "\" is listed twice in \"" + key + "\"");
                }
                names.add(s.text());
            } else {
                wrongType(key, "a name or a list of names", item);
            }
        }
        return List.copyOf(names);
    }

    /** A required table name, optionally schema-qualified. */
    public TableName table(String key) {
        String text = string(key);
        TableName table = TableName.parse(text);
        if (has(key)) {
            checkTable(key, table, at(key));
        }
        return table;
    }

    public void checkTable(String key, TableName table, Location at) {
        if (!Identifiers.isValid(table.schema()) || !Identifiers.isValid(table.name())) {
            problems.report(at, ProblemCode.INVALID_IDENTIFIER, "invalid table name \"" + table.qualified()
                    .replaceFirst("^public\\.", "") + "\" for \"" + key
                    + "\": use letters, digits and _, optionally schema-qualified as schema.table");
        }
    }

    /** A required SQL type such as {@code varchar(6)} or {@code numeric(10,2)}. */
    public String type(String key) {
        String type = string(key);
        if (!has(key)) {
            return type;
        }
        if (cutAtComma(key).isEmpty() && !SQL_TYPE.matcher(type.trim()).matches()) {
            problems.report(at(key), ProblemCode.INVALID_TYPE, "invalid type \"" + type + "\" for \"" + key + "\"");
        }
        return type.trim();
    }

    /** A required expression; {@code deterministic} where it keeps two shapes in sync. */
    public Expression expression(String key, boolean deterministic) {
        String text = string(key);
        Expression expression = new Expression(text, at(key));
        if (has(key)) {
            checkExpression(key, expression, deterministic);
        }
        return expression;
    }

    public Optional<Expression> optionalExpression(String key, boolean deterministic) {
        return optionalString(key).map(text -> {
            Expression expression = new Expression(text, at(key));
            checkExpression(key, expression, deterministic);
            return expression;
        });
    }

    public void checkExpression(String key, Expression expression, boolean deterministic) {
        if (cutAtComma(key).isEmpty()) {
            Expressions.checkSyntax(key, expression, deterministic, problems);
        }
    }

    public SqlScript script(String key) {
        return new SqlScript(string(key), at(key));
    }

    public Optional<SqlScript> optionalScript(String key) {
        return optionalString(key).map(text -> new SqlScript(text, at(key)));
    }

    public boolean flag(String key, boolean otherwise) {
        Optional<Node> value = node(key);
        if (value.isEmpty()) {
            return otherwise;
        }
        if (value.get() instanceof Node.ScalarNode s && s.kind() == Node.ScalarKind.BOOLEAN) {
            return Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT));
        }
        wrongType(key, "true or false", value.get());
        return otherwise;
    }

    /** A positive integer, or empty (reported) if it is not one. */
    public Optional<Integer> positive(String key) {
        Optional<Node> value = required(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof Node.ScalarNode s && s.kind() == Node.ScalarKind.NUMBER
                && s.text().matches("[0-9]{1,9}")) {
            int n = Integer.parseInt(s.text());
            if (n > 0) {
                return Optional.of(n);
            }
            problems.report(s.location(), ProblemCode.OUT_OF_RANGE, "\"" + key + "\" must be positive, found " + n);
            return Optional.empty();
        }
        wrongType(key, "a positive integer", value.get());
        return Optional.empty();
    }

    /** One of a few words; {@code otherwise} if absent or not one of them (reported). */
    public <E> E choice(String key, Function<String, Optional<E>> parse, List<String> spellings, E otherwise) {
        Optional<String> text = optionalString(key);
        if (text.isEmpty()) {
            return otherwise;
        }
        Optional<E> value = parse.apply(text.get());
        if (value.isEmpty()) {
            problems.report(at(key), ProblemCode.BAD_CHOICE, "\"" + key + "\" must be one of "
                    + String.join(", ", spellings) + ", found \"" + text.get() + "\""
                    + Suggestions.hint(text.get(), spellings));
        }
        return value.orElse(otherwise);
    }

    /** A required, non-empty list of maps, each read by {@code item}. */
    public <T> List<T> list(String key, Function<Fields, T> item) {
        Optional<Node> value = required(key);
        List<T> result = optionalList(key, item);
        if (value.isPresent() && value.get() instanceof Node.ListNode l && l.items().isEmpty()) {
            problems.report(l.location(), ProblemCode.MISSING_KEY, "\"" + key + "\" must not be empty");
            broken = true;
        }
        return result;
    }

    public <T> List<T> optionalList(String key, Function<Fields, T> item) {
        Optional<Node> value = node(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (!(value.get() instanceof Node.ListNode list)) {
            wrongType(key, "a list", value.get());
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (Node itemNode : list.items()) {
            nested(itemNode, key, item).ifPresent(result::add);
        }
        return List.copyOf(result);
    }

    /** A required map read by {@code reader}. */
    public <T> Optional<T> object(String key, Function<Fields, T> reader) {
        return required(key).flatMap(node -> nested(node, key, reader));
    }

    public <T> Optional<T> optionalObject(String key, Function<Fields, T> reader) {
        return node(key).flatMap(node -> nested(node, key, reader));
    }

    private <T> Optional<T> nested(Node node, String key, Function<Fields, T> reader) {
        Optional<Fields> inner = of(node, key, problems);
        if (inner.isEmpty()) {
            broken = true;
            return Optional.empty();
        }
        T value = reader.apply(inner.get());
        inner.get().finish();
        broken |= inner.get().broken();
        return Optional.of(value);
    }

    /** A required map of column name to expression, in the order written. */
    public Map<String, Expression> expressions(String key, boolean deterministic) {
        Optional<Node> value = required(key);
        Map<String, Expression> result = new LinkedHashMap<>();
        if (value.isEmpty()) {
            return result;
        }
        if (!(value.get() instanceof Node.MapNode m)) {
            wrongType(key, "a map of column to expression", value.get());
            return result;
        }
        Fields inner = new Fields(m, key, problems);
        for (Node.Entry entry : m.entries()) {
            checkName(key, entry.key(), entry.keyLocation());
            result.put(entry.key(), inner.expression(entry.key(), deterministic));
        }
        broken |= inner.broken();
        return result;
    }

    /** The optional {@code backfill: {batch_size: N}} of a backfilling refactoring. */
    public Optional<Backfill> backfill() {
        return optionalObject("backfill", in -> in.positive("batch_size").map(Backfill::new))
                .flatMap(b -> b);
    }

    /**
     * If the scalar at {@code key} was cut by a comma inside {@code { }} (so that YAML made the rest
     * a stray key such as {@code 2)}), the stray key.
     */
    public Optional<String> cutAtComma(String key) {
        List<Node.Entry> entries = map.entries();
        for (int i = 0; i < entries.size() - 1; i++) {
            Node.Entry entry = entries.get(i);
            if (entry.key().equals(key) && entry.value() instanceof Node.ScalarNode s && unbalanced(s.text())) {
                Node.Entry next = entries.get(i + 1);
                if (isNull(next.value()) && CUT_TAIL.matcher(next.key()).matches()) {
                    return Optional.of(next.key());
                }
            }
        }
        return Optional.empty();
    }

    /** Reports every key not asked for, with "did you mean", and every value cut at a comma. */
    public void finish() {
        List<Node.Entry> entries = map.entries();
        Set<String> strays = new LinkedHashSet<>();
        for (Node.Entry entry : entries) {
            if (known.contains(entry.key())) {
                cutAtComma(entry.key()).ifPresent(stray -> {
                    strays.add(stray);
                    String whole = ((Node.ScalarNode) entry.value()).text() + "," + stray;
                    problems.report(entry.value().location(), ProblemCode.QUOTE_IT, "\"" + entry.key()
                            + "\" was cut at a comma inside { }: quote it, as in " + entry.key() + ": \""
                            + whole + "\"");
                });
            }
        }
        for (Node.Entry entry : entries) {
            if (!known.contains(entry.key()) && !strays.contains(entry.key())) {
                problems.report(entry.keyLocation(), ProblemCode.UNKNOWN_KEY, "unknown key \"" + entry.key()
                        + "\" in \"" + context + "\"" + Suggestions.hint(entry.key(), known));
            }
        }
    }

    private static boolean unbalanced(String text) {
        return text.chars().filter(c -> c == '(').count() > text.chars().filter(c -> c == ')').count();
    }

    private static boolean isNull(Node node) {
        return node instanceof Node.ScalarNode s && s.kind() == Node.ScalarKind.NULL;
    }
}
