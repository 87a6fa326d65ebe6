package dev.graft.catalog.refactoring;

import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.Node;
import dev.graft.catalog.internal.YamlOut;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code sequence: {start, increment, minvalue, maxvalue, cache, cycle}} of an identity;
 * each absent one is PostgreSQL's default. {@code start} is a floor: the sequence starts after
 * the values the column already holds.
 *
 * @param start     the first value, at least
 * @param increment the step (negative: descending)
 * @param minValue  the smallest value
 * @param maxValue  the largest value
 * @param cache     values allocated at a time
 * @param cycle     whether it wraps around at the end
 */
public record SequenceOptions(Optional<Long> start, Optional<Long> increment, Optional<Long> minValue,
        Optional<Long> maxValue, Optional<Long> cache, boolean cycle) {

    /** PostgreSQL's defaults throughout. */
    public static final SequenceOptions DEFAULTS = new SequenceOptions(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), false);

    public SequenceOptions {
        Objects.requireNonNull(start, "start == null");
        Objects.requireNonNull(increment, "increment == null");
        Objects.requireNonNull(minValue, "minValue == null");
        Objects.requireNonNull(maxValue, "maxValue == null");
        Objects.requireNonNull(cache, "cache == null");
    }

    /** Whether the sequence counts down. */
    public boolean descending() {
        return increment.orElse(1L) < 0;
    }

    /** The value the sequence starts at on an empty column: {@code start}, else the end it counts from. */
    public long base() {
        return start.orElseGet(() -> descending() ? maxValue.orElse(-1L) : minValue.orElse(1L));
    }

    static SequenceOptions read(Fields in) {
        SequenceOptions read = new SequenceOptions(number(in, "start"), number(in, "increment"),
                number(in, "minvalue"), number(in, "maxvalue"), number(in, "cache"), in.flag("cycle", false));
        read.contradiction().ifPresent(why -> in.problems().report(in.location(), ProblemCode.SEQUENCE_OPTIONS,
                "sequence options contradict each other: " + why));
        return read;
    }

    private Optional<String> contradiction() {
        if (increment.filter(i -> i == 0).isPresent()) {
            return Optional.of("\"increment\" cannot be 0");
        }
        if (cache.filter(c -> c < 1).isPresent()) {
            return Optional.of("\"cache\" must be at least 1");
        }
        if (minValue.isPresent() && maxValue.isPresent() && minValue.get() >= maxValue.get()) {
            return Optional.of("\"minvalue\" " + minValue.get() + " is not below \"maxvalue\" " + maxValue.get());
        }
        if (start.isPresent() && (minValue.filter(m -> start.get() < m).isPresent()
                || maxValue.filter(m -> start.get() > m).isPresent())) {
            return Optional.of("\"start\" " + start.get() + " is outside minvalue..maxvalue");
        }
        if (start.isPresent() && !descending() && minValue.isEmpty() && start.get() < 1) {
            return Optional.of("\"start\" " + start.get() + " is below 1, the default minvalue of an ascending sequence");
        }
        if (start.isPresent() && descending() && maxValue.isEmpty() && start.get() > -1) {
            return Optional.of("\"start\" " + start.get() + " is above -1, the default maxvalue of a descending sequence");
        }
        return Optional.empty();
    }

    private static Optional<Long> number(Fields in, String key) {
        Optional<Node> node = in.node(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof Node.ScalarNode s && s.kind() == Node.ScalarKind.NUMBER
                && s.text().matches("-?[0-9]{1,18}")) {
            return Optional.of(Long.parseLong(s.text()));
        }
        in.wrongType(key, "an integer", node.get());
        return Optional.empty();
    }

    /** The options written, for the catalog writer. */
    YamlOut write() {
        YamlOut out = YamlOut.map();
        start.ifPresent(v -> out.putNumber("start", Long.toString(v)));
        increment.ifPresent(v -> out.putNumber("increment", Long.toString(v)));
        minValue.ifPresent(v -> out.putNumber("minvalue", Long.toString(v)));
        maxValue.ifPresent(v -> out.putNumber("maxvalue", Long.toString(v)));
        cache.ifPresent(v -> out.putNumber("cache", Long.toString(v)));
        if (cycle) {
            out.put("cycle", true);
        }
        return out;
    }
}
