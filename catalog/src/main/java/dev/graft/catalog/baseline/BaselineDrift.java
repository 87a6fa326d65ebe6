package dev.graft.catalog.baseline;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.ForeignKeyView;
import dev.graft.catalog.IndexView;
import dev.graft.catalog.TableView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What changed between the committed baseline and the parent as it is: one line per table,
 * column, constraint, index, view, enum or comment that differs, named so that it can be found.
 */
final class BaselineDrift {

    private static final String FILE = "in " + Baseline.FILE_NAME;
    private static final String PARENT = "on the parent";

    private final List<String> differences = new ArrayList<>();

    private BaselineDrift() { }

    static List<String> between(Baseline expected, Baseline actual) {
        BaselineDrift drift = new BaselineDrift();
        drift.compare("enum", byName(expected.enums(), e -> e.name().qualified()),
                byName(actual.enums(), e -> e.name().qualified()),
                (name, a, b) -> drift.differ(name, "labels", a.labels(), b.labels()));
        drift.compare("table", byName(expected.schema().tables(), t -> t.name().qualified()),
                byName(actual.schema().tables(), t -> t.name().qualified()), drift::table);
        drift.compare("view", byName(expected.schema().views(), v -> v.name().qualified()),
                byName(actual.schema().views(), v -> v.name().qualified()),
                (name, a, b) -> drift.differ(name, "columns", a.columns(), b.columns()));
        drift.compare("comment on", byName(expected.comments(), Comment::target),
                byName(actual.comments(), Comment::target),
                (name, a, b) -> drift.differ(name, "comment", a.text(), b.text()));
        Map<String, String> expectedKeys = new LinkedHashMap<>();
        expected.primaryKeyNames().forEach((t, k) -> expectedKeys.put(t.qualified(), k));
        actual.primaryKeyNames().forEach((t, k) -> {
            String before = expectedKeys.get(t.qualified());
            if (before != null) {
                drift.differ(t.qualified(), "primary key name", before, k);
            }
        });
        return List.copyOf(drift.differences);
    }

    private void table(String name, TableView expected, TableView actual) {
        compare("column", byName(expected.columns(), c -> name + "." + c.name()),
                byName(actual.columns(), c -> name + "." + c.name()), this::column);
        differ(name, "primary key", expected.primaryKey(), actual.primaryKey());
        compare("unique key", byName(expected.uniqueKeys(), k -> name + "." + k.name()),
                byName(actual.uniqueKeys(), k -> name + "." + k.name()), (n, a, b) -> differ(n, "columns", a, b));
        compare("foreign key", byName(expected.foreignKeys(), k -> name + "." + k.name()),
                byName(actual.foreignKeys(), k -> name + "." + k.name()), (n, a, b) -> differ(n, "definition", describe(a), describe(b)));
        compare("check", byName(expected.checks(), c -> name + "." + c.name()),
                byName(actual.checks(), c -> name + "." + c.name()),
                (n, a, b) -> differ(n, "expression", a.expression(), b.expression()));
        compare("index", byName(expected.indexes(), i -> name + "." + i.name()),
                byName(actual.indexes(), i -> name + "." + i.name()),
                (n, a, b) -> differ(n, "definition", describe(a), describe(b)));
    }

    private void column(String name, ColumnView expected, ColumnView actual) {
        differ(name, "type", expected.type(), actual.type());
        differ(name, "nullable", expected.nullable(), actual.nullable());
        differ(name, "default", show(expected.defaultValue()), show(actual.defaultValue()));
        differ(name, "identity", show(expected.identity()), show(actual.identity()));
        differ(name, "generated", show(expected.generated()), show(actual.generated()));
    }

    /** How two same-named things differ. */
    private interface Pair<T> {
        void compare(String name, T expected, T actual);
    }

    private <T> void compare(String kind, Map<String, T> expected, Map<String, T> actual, Pair<T> pair) {
        Set<String> names = new LinkedHashSet<>(expected.keySet());
        names.addAll(actual.keySet());
        for (String name : names) {
            T before = expected.get(name);
            T now = actual.get(name);
            if (now == null) {
                differences.add(kind + " " + name + ": " + FILE + ", missing " + PARENT);
            } else if (before == null) {
                differences.add(kind + " " + name + ": " + PARENT + ", missing " + FILE);
            } else {
                pair.compare(name, before, now);
            }
        }
    }

    private void differ(String name, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            differences.add(name + ": " + what + " is " + expected + " " + FILE + ", " + actual + " " + PARENT);
        }
    }

    private static String describe(ForeignKeyView key) {
        return key.columns() + " references " + key.referencedTable().qualified() + key.referencedColumns()
                + " on delete " + key.onDelete().yaml() + " on update " + key.onUpdate().yaml();
    }

    private static String describe(IndexView index) {
        return (index.unique() ? "unique " : "") + index.expression().orElse(index.columns().toString())
                + index.where().map(w -> " where " + w).orElse("");
    }

    private static String show(Optional<String> value) {
        return value.orElse("(none)");
    }

    private static <T> Map<String, T> byName(Iterable<T> items, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(name.apply(i), i));
        return map;
    }
}
