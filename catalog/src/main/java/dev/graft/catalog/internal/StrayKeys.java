package dev.graft.catalog.internal;

import dev.graft.catalog.ProblemCode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keys of a map that no accessor asked for: unknown keys (with "did you mean"), and the
 * stray keys YAML makes of the rest of a value cut at a comma inside {@code { }}
 * ({@code type: numeric(10,2)} reads as {@code type: numeric(10} and a key {@code 2)}).
 */
final class StrayKeys {

    private static final Pattern CUT_TAIL = Pattern.compile("[^(]*\\)[^(]*");

    private final Node.MapNode map;

    StrayKeys(Node.MapNode map) {
        this.map = map;
    }

    /** If the scalar at {@code key} was cut by a comma, the stray key holding the rest. */
    Optional<String> cutAtComma(String key) {
        List<Node.Entry> entries = map.entries();
        for (int i = 0; i < entries.size() - 1; i++) {
            Node.Entry entry = entries.get(i);
            if (entry.key().equals(key) && entry.value() instanceof Node.ScalarNode s && unbalanced(s.text())) {
                Node.Entry next = entries.get(i + 1);
                if (Fields.isNull(next.value()) && CUT_TAIL.matcher(next.key()).matches()) {
                    return Optional.of(next.key());
                }
            }
        }
        return Optional.empty();
    }

    /** Reports every key not in {@code known}, and every known value cut at a comma. */
    void report(Set<String> known, String context, Problems problems) {
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
}
