package dev.graft.verifier.effects;

import dev.graft.catalog.Migration;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every row a migration changed in the tables its catalog refactorings name: rows deleted and
 * inserted, existing columns changed ({@code orphans: nullify}, {@code default_for_nulls}, an
 * update) and added columns filled (backfills), each with its count, first keys and cause.
 * Measured on the verify branch: the tables read (keyed by primary key) before the clean run and
 * after it. Tables without a primary key, and hand-written SQL migrations, are not measured.
 *
 * <pre>{@code
 * DataEffects.Before before = DataEffects.before(baseConnection, Optional.of(migration));
 * // ... apply the migration on a copy ...
 * DataEffects effects = before.measure(afterConnection);
 * effects.lines(); // ["public.orders.customer_id: 3 rows changed by orphans: nullify (...); first keys 4, 7, 9"]
 * }</pre>
 *
 * @param effects one entry per table and column changed, in table order
 */
public record DataEffects(List<RowEffect> effects) {

    public DataEffects {
        effects = List.copyOf(effects);
    }

    /** No rows changed, or nothing measured. */
    public static DataEffects none() {
        return new DataEffects(List.of());
    }

    public boolean isEmpty() {
        return effects.isEmpty();
    }

    /** One line per effect, for the console. */
    public List<String> lines() {
        return effects.stream().map(RowEffect::line).toList();
    }

    /** The effects as JSON values: table, column, change, rows, first_keys, cause. */
    public List<Map<String, Object>> json() {
        return effects.stream().map(e -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("table", e.table());
            out.put("column", e.column());
            out.put("change", e.kind().verb());
            out.put("rows", e.rows());
            out.put("first_keys", e.firstKeys());
            out.put("cause", e.cause());
            return out;
        }).toList();
    }

    /** The rows of the tables {@code model}'s refactorings name, read from the database before the migration. */
    public static Before before(Connection connection, Optional<Migration> model) throws SQLException {
        Map<String, TableRows> tables = new LinkedHashMap<>();
        for (String table : Causes.tables(model)) {
            int dot = table.indexOf('.');
            TableRows.read(connection, table.substring(0, dot), table.substring(dot + 1))
                    .ifPresent(rows -> tables.put(table, rows));
        }
        return new Before(tables, model);
    }

    /**
     * The tables as they were before the migration.
     *
     * @param tables per qualified name, the table's rows
     * @param model  the catalog migration, for the causes
     */
    public record Before(Map<String, TableRows> tables, Optional<Migration> model) {

        /** Nothing read: nothing will be measured. */
        public static Before nothing() {
            return new Before(Map.of(), Optional.empty());
        }

        /** What changed between these rows and the same tables in {@code after}. */
        public DataEffects measure(Connection after) throws SQLException {
            List<RowEffect> effects = new ArrayList<>();
            for (TableRows old : tables.values()) {
                int dot = old.table().indexOf('.');
                Optional<TableRows> now = TableRows.read(after, old.table().substring(0, dot),
                        old.table().substring(dot + 1));
                now.ifPresent(n -> compare(old, n, effects));
            }
            return new DataEffects(effects);
        }

        private void compare(TableRows old, TableRows now, List<RowEffect> effects) {
            add(effects, old.table(), "", RowEffect.Kind.DELETED, minus(old.rows().keySet(), now.rows().keySet()));
            add(effects, old.table(), "", RowEffect.Kind.INSERTED, minus(now.rows().keySet(), old.rows().keySet()));
            for (String column : now.columns()) {
                Map<String, Long> after = now.column(column);
                Set<String> changed = new TreeSet<>(TableRows::byKey);
                if (old.columns().contains(column)) {
                    Map<String, Long> before = old.column(column);
                    before.forEach((key, hash) -> {
                        if (after.containsKey(key) && !Objects.equals(hash, after.get(key))) {
                            changed.add(key);
                        }
                    });
                    add(effects, old.table(), column, RowEffect.Kind.UPDATED, changed);
                } else {
                    after.forEach((key, hash) -> {
                        if (hash != null && old.rows().containsKey(key)) {
                            changed.add(key);
                        }
                    });
                    add(effects, old.table(), column, RowEffect.Kind.FILLED, changed);
                }
            }
        }

        private void add(List<RowEffect> effects, String table, String column, RowEffect.Kind kind, Set<String> keys) {
            if (!keys.isEmpty()) {
                effects.add(new RowEffect(table, column, kind, keys.size(),
                        keys.stream().limit(RowEffect.KEYS_SHOWN).toList(), Causes.of(model, table, column, kind)));
            }
        }

        private static Set<String> minus(Set<String> a, Set<String> b) {
            Set<String> rest = new TreeSet<>(TableRows::byKey);
            a.stream().filter(k -> !b.contains(k)).forEach(rest::add);
            return rest;
        }
    }
}
