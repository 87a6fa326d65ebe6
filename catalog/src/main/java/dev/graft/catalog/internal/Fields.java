package dev.graft.catalog.internal;

import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.refactoring.Backfill;
import dev.graft.catalog.refactoring.Expression;
import dev.graft.catalog.refactoring.SqlScript;
import dev.graft.catalog.refactoring.TableName;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed, located reading of one YAML map: every accessor names the key it reads, so the keys
 * that were never asked for are the unknown ones ({@link #finish()}). A wrong type or missing
 * key is reported and marks the map broken; invalid content (a bad name, a bad expression) is
 * reported and the value kept, so later checks still run. Names, SQL text, other scalars and
 * nested maps are read by {@link NameFields}, {@link SqlFields}, {@link ScalarFields} and
 * {@link NestedFields}; {@link StrayKeys} finds the keys nobody asked for.
 */
public final class Fields {

    private final Node.MapNode map;
    private final String context;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();
    private final NameFields names = new NameFields(this);
    private final SqlFields sql = new SqlFields(this);
    private final NestedFields nested = new NestedFields(this);
    private final ScalarFields scalars = new ScalarFields(this);
    private final StrayKeys strays;
    private boolean broken;
    private Location origin;

    public Fields(Node.MapNode map, String context, Problems problems) {
        this.map = map;
        this.context = context;
        this.problems = problems;
        this.origin = map.location();
        this.strays = new StrayKeys(map);
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

    /** The node of {@code key}; if it is missing, reported and the map broken. */
    Optional<Node> required(String key) {
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
        return names.name(key);
    }

    public Optional<String> optionalName(String key) {
        return names.optionalName(key);
    }

    public void checkName(String key, String name, Location at) {
        names.checkName(key, name, at);
    }

    /** A required list of names; a single name is accepted for a list of one. */
    public List<String> names(String key) {
        return names.names(key);
    }

    public List<String> optionalNames(String key) {
        return names.optionalNames(key);
    }

    /** A required table name, optionally schema-qualified. */
    public TableName table(String key) {
        return names.table(key);
    }

    public void checkTable(String key, TableName table, Location at) {
        names.checkTable(key, table, at);
    }

    /** A required SQL type such as {@code varchar(6)} or {@code numeric(10,2)}: the target of a type change. */
    public String type(String key) {
        return sql.type(key, false);
    }

    /** A new column's type: also serial, or ending in {@code generated always|by default as identity}. */
    public String columnType(String key) {
        return sql.type(key, true);
    }

    /** Whether a column of {@code type} gets its values by itself (serial or identity). */
    public static boolean generatesValues(String type) {
        return SqlTypes.generatesValues(type);
    }

    /** A required expression; {@code deterministic} where it keeps two shapes in sync. */
    public Expression expression(String key, boolean deterministic) {
        return sql.expression(key, deterministic);
    }

    public Optional<Expression> optionalExpression(String key, boolean deterministic) {
        return sql.optionalExpression(key, deterministic);
    }

    public void checkExpression(String key, Expression expression, boolean deterministic) {
        sql.checkExpression(key, expression, deterministic);
    }

    public SqlScript script(String key) {
        return sql.script(key);
    }

    public Optional<SqlScript> optionalScript(String key) {
        return sql.optionalScript(key);
    }

    /** A required map of column name to expression, in the order written. */
    public Map<String, Expression> expressions(String key, boolean deterministic) {
        return sql.expressions(key, deterministic);
    }

    public boolean flag(String key, boolean otherwise) {
        return scalars.flag(key, otherwise);
    }

    /** A positive integer, or empty (reported) if it is not one. */
    public Optional<Integer> positive(String key) {
        return scalars.positive(key);
    }

    /** One of a few words; {@code otherwise} if absent or not one of them (reported). */
    public <E> E choice(String key, Function<String, Optional<E>> parse, List<String> spellings, E otherwise) {
        return scalars.choice(key, parse, spellings, otherwise);
    }

    /** A required, non-empty list of maps, each read by {@code item}. */
    public <T> List<T> list(String key, Function<Fields, T> item) {
        return nested.list(key, item);
    }

    public <T> List<T> optionalList(String key, Function<Fields, T> item) {
        return nested.optionalList(key, item);
    }

    /** A required map read by {@code reader}. */
    public <T> Optional<T> object(String key, Function<Fields, T> reader) {
        return nested.object(key, reader);
    }

    public <T> Optional<T> optionalObject(String key, Function<Fields, T> reader) {
        return nested.optionalObject(key, reader);
    }

    /** The optional {@code backfill: {batch_size: N}} of a backfilling refactoring. */
    public Optional<Backfill> backfill() {
        return nested.backfill();
    }

    /**
     * If the scalar at {@code key} was cut by a comma inside {@code { }} (so that YAML made the rest
     * a stray key such as {@code 2)}), the stray key.
     */
    public Optional<String> cutAtComma(String key) {
        return strays.cutAtComma(key);
    }

    /** Reports every key not asked for, with "did you mean", and every value cut at a comma. */
    public void finish() {
        strays.report(known, context, problems);
    }

    static boolean isNull(Node node) {
        return node instanceof Node.ScalarNode s && s.kind() == Node.ScalarKind.NULL;
    }
}
