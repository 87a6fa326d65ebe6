package dev.graft.catalog.internal;

import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.refactoring.Backfill;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The lists and maps inside a map, each read by its own {@link Fields} and finished (its unknown
 * keys reported); a broken inner map breaks the outer one.
 */
final class NestedFields {

    private final Fields in;

    NestedFields(Fields in) {
        this.in = in;
    }

    <T> List<T> list(String key, Function<Fields, T> item) {
        Optional<Node> value = in.required(key);
        List<T> result = optionalList(key, item);
        if (value.isPresent() && value.get() instanceof Node.ListNode l && l.items().isEmpty()) {
            in.problems().report(l.location(), ProblemCode.MISSING_KEY, "\"" + key + "\" must not be empty");
            in.markBroken();
        }
        return result;
    }

    <T> List<T> optionalList(String key, Function<Fields, T> item) {
        Optional<Node> value = in.node(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (!(value.get() instanceof Node.ListNode list)) {
            in.wrongType(key, "a list", value.get());
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (Node itemNode : list.items()) {
            nested(itemNode, key, item).ifPresent(result::add);
        }
        return List.copyOf(result);
    }

    <T> Optional<T> object(String key, Function<Fields, T> reader) {
        return in.required(key).flatMap(node -> nested(node, key, reader));
    }

    <T> Optional<T> optionalObject(String key, Function<Fields, T> reader) {
        return in.node(key).flatMap(node -> nested(node, key, reader));
    }

    Optional<Backfill> backfill() {
        return optionalObject("backfill", inner -> inner.positive("batch_size").map(Backfill::new)).flatMap(b -> b);
    }

    private <T> Optional<T> nested(Node node, String key, Function<Fields, T> reader) {
        Optional<Fields> inner = Fields.of(node, key, in.problems());
        if (inner.isEmpty()) {
            in.markBroken();
            return Optional.empty();
        }
        T value = reader.apply(inner.get());
        inner.get().finish();
        if (inner.get().broken()) {
            in.markBroken();
        }
        return Optional.of(value);
    }
}
