package dev.graft.catalog.refactoring;

import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.Node;
import dev.graft.catalog.internal.YamlOut;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The index options of a key or exclusion constraint: {@code include} (covered columns),
 * {@code storage_parameters} ({@code {fillfactor: 70}}) and {@code tablespace}.
 *
 * @param include           columns stored in the index but not part of the key
 * @param storageParameters storage parameter names and values, in the order written
 * @param tablespace        the index's tablespace; the default one if empty
 */
public record IndexParameters(List<String> include, Map<String, String> storageParameters,
        Optional<String> tablespace) {

    static final List<String> KEYS = List.of("include", "storage_parameters", "tablespace");
    private static final Pattern PARAMETER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.+-]+");

    /** No options. */
    public static final IndexParameters NONE = new IndexParameters(List.of(), Map.of(), Optional.empty());

    public IndexParameters {
        include = List.copyOf(include);
        storageParameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(storageParameters));
        Objects.requireNonNull(tablespace, "tablespace == null");
    }

    /** Whether any option is given. */
    public boolean isEmpty() {
        return include.isEmpty() && storageParameters.isEmpty() && tablespace.isEmpty();
    }

    static IndexParameters read(Fields in) {
        Map<String, String> parameters = new LinkedHashMap<>();
        in.node("storage_parameters").ifPresent(node -> {
            if (!(node instanceof Node.MapNode map)) {
                in.wrongType("storage_parameters", "a map of parameter names to values", node);
                return;
            }
            for (Node.Entry e : map.entries()) {
                String value = e.value() instanceof Node.ScalarNode s ? s.text() : "";
                if (!PARAMETER.matcher(e.key()).matches() || !VALUE.matcher(value).matches()) {
                    in.problems().report(e.keyLocation(), ProblemCode.STORAGE_PARAMETER, "storage parameter \""
                            + e.key() + "\": write a lower-case name (letters, digits, _) and a plain value"
                            + " (a number or a word), found \"" + value + "\"");
                } else {
                    parameters.put(e.key(), value);
                }
            }
        });
        return new IndexParameters(in.optionalNames("include"), parameters, in.optionalName("tablespace"));
    }

    YamlOut write(YamlOut out) {
        if (!include.isEmpty()) {
            out.putNames("include", include);
        }
        if (!storageParameters.isEmpty()) {
            YamlOut map = YamlOut.map();
            storageParameters.forEach(map::put);
            out.put("storage_parameters", map);
        }
        return out.put("tablespace", tablespace);
    }
}
