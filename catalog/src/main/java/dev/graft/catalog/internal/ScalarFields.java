package dev.graft.catalog.internal;

import dev.graft.catalog.ProblemCode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The plain values a map holds besides names and SQL: booleans, positive numbers, one of a few words. */
final class ScalarFields {

    private final Fields in;

    ScalarFields(Fields in) {
        this.in = in;
    }

    boolean flag(String key, boolean otherwise) {
        Optional<Node> value = in.node(key);
        if (value.isEmpty()) {
            return otherwise;
        }
        if (value.get() instanceof Node.ScalarNode s && s.kind() == Node.ScalarKind.BOOLEAN) {
            return Boolean.parseBoolean(s.text().toLowerCase(Locale.ROOT));
        }
        in.wrongType(key, "true or false", value.get());
        return otherwise;
    }

    Optional<Integer> positive(String key) {
        Optional<Node> value = in.required(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof Node.ScalarNode s && s.kind() == Node.ScalarKind.NUMBER
                && s.text().matches("[0-9]{1,9}")) {
            int n = Integer.parseInt(s.text());
            if (n > 0) {
                return Optional.of(n);
            }
            in.problems().report(s.location(), ProblemCode.OUT_OF_RANGE, "\"" + key + "\" must be positive, found " + n);
            return Optional.empty();
        }
        in.wrongType(key, "a positive integer", value.get());
        return Optional.empty();
    }

    <E> E choice(String key, Function<String, Optional<E>> parse, List<String> spellings, E otherwise) {
        Optional<String> text = in.optionalString(key);
        if (text.isEmpty()) {
            return otherwise;
        }
        Optional<E> value = parse.apply(text.get());
        if (value.isEmpty()) {
            in.problems().report(in.at(key), ProblemCode.BAD_CHOICE, "\"" + key + "\" must be one of "
                    + String.join(", ", spellings) + ", found \"" + text.get() + "\""
                    + Suggestions.hint(text.get(), spellings));
        }
        return value.orElse(otherwise);
    }
}
