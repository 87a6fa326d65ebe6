package dev.graft.catalog.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.graft.catalog.refactoring.Expression;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the YAML of one catalog value in the catalog's own spelling; keys in the order put.
 * Every string is written quoted, so it reads back exactly as it was.
 */
public final class YamlOut {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode node;

    private YamlOut(JsonNode node) {
        this.node = node;
    }

    public static YamlOut map() {
        return new YamlOut(NODES.objectNode());
    }

    public static YamlOut text(String text) {
        return new YamlOut(NODES.textNode(text));
    }

    public static YamlOut list(List<YamlOut> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(i -> array.add(i.node));
        return new YamlOut(array);
    }

    public JsonNode node() {
        return node;
    }

    private ObjectNode object() {
        return (ObjectNode) node;
    }

    public YamlOut put(String key, String value) {
        object().put(key, value);
        return this;
    }

    public YamlOut put(String key, Optional<String> value) {
        value.ifPresent(v -> put(key, v));
        return this;
    }

    public YamlOut put(String key, Expression value) {
        return put(key, value.sql());
    }

    public YamlOut putExpression(String key, Optional<Expression> value) {
        value.ifPresent(v -> put(key, v));
        return this;
    }

    public YamlOut put(String key, boolean value) {
        object().put(key, value);
        return this;
    }

    public YamlOut put(String key, int value) {
        object().put(key, value);
        return this;
    }

    public YamlOut putNull(String key) {
        object().putNull(key);
        return this;
    }

    /** A number written as {@code text} (digits, optional fraction), unquoted. */
    public YamlOut putNumber(String key, String text) {
        object().put(key, new java.math.BigDecimal(text));
        return this;
    }

    public YamlOut put(String key, YamlOut value) {
        object().set(key, value.node);
        return this;
    }

    public YamlOut putNames(String key, List<String> names) {
        ArrayNode array = object().putArray(key);
        names.forEach(array::add);
        return this;
    }

    public <T> YamlOut putList(String key, List<T> items, Function<T, YamlOut> write) {
        ArrayNode array = object().putArray(key);
        items.forEach(i -> array.add(write.apply(i).node));
        return this;
    }

    public YamlOut putExpressions(String key, Map<String, Expression> expressions) {
        ObjectNode map = object().putObject(key);
        expressions.forEach((k, v) -> map.put(k, v.sql()));
        return this;
    }
}
