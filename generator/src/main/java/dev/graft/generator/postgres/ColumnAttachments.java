package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.list;

import dev.graft.catalog.CheckView;
import dev.graft.catalog.ForeignKeyView;
import dev.graft.catalog.IndexView;
import dev.graft.catalog.KeyView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.refactoring.TableName;
import dev.graft.generator.plan.PlanContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the schema view says is attached to one column, for a contract that moves it onto another
 * column without a long lock: indexes and unique keys (to build concurrently), checks and foreign
 * keys of the table or referring to the column (to add NOT VALID and validate). Each has a
 * temporary name for the original while its replacement takes the name. The primary key,
 * exclusion constraints, and whatever the view does not describe are not listed: the contract
 * finds them in {@code pg_catalog} and recreates them as an in-place change would.
 *
 * @param indexes     indexes and unique keys
 * @param constraints checks and foreign keys
 */
record ColumnAttachments(List<Index> indexes, List<Constraint> constraints) {

    /**
     * An index (or the index of a unique constraint) to build again.
     *
     * @param name      its name
     * @param temporary the original's name while the replacement is built
     * @param unique    whether it is unique
     * @param on        what it indexes: {@code ("a", "b")} or {@code ((expression))}
     * @param where     its predicate
     */
    record Index(String name, String temporary, boolean unique, String on, Optional<String> where) {
        Index {
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(where, "where == null");
        }
    }

    /**
     * A check or foreign key to add again.
     *
     * @param table      the table it belongs to (another table for a foreign key referring to the column)
     * @param name       its name
     * @param temporary  the original's name while the replacement is added
     * @param definition {@code CHECK (...)} or {@code FOREIGN KEY ...}
     * @param incoming   whether it is a foreign key of another table referring to the column
     */
    record Constraint(TableName table, String name, String temporary, String definition, boolean incoming) {
        Constraint {
            Objects.requireNonNull(table, "table == null");
            Objects.requireNonNull(definition, "definition == null");
        }
    }

    ColumnAttachments {
        indexes = List.copyOf(indexes);
        constraints = List.copyOf(constraints);
    }

    /** What is attached to {@code column} of {@code table} in the schema of {@code context}. */
    static ColumnAttachments of(PlanContext context, TableName table, String column) {
        TableView t = context.table(table);
        List<Index> indexes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Set<String>> uniqueColumns = new ArrayList<>();
        for (KeyView k : t.uniqueKeys()) {
            if (k.columns().contains(column) && seen.add(k.name())) {
                indexes.add(new Index(k.name(), temporary(context, table, column, indexes.size()), true,
                        context.schema().indexOptions(table, k.name()).map(IndexClauses::on)
                                .orElse("(" + list(k.columns()) + ")"), Optional.empty()));
                uniqueColumns.add(Set.copyOf(k.columns()));
            }
        }
        for (IndexView i : t.indexes()) {
            boolean uses = i.columns().contains(column)
                    || i.expression().filter(e -> ColumnMentions.in(e, column)).isPresent()
                    || i.where().filter(w -> ColumnMentions.in(w, column)).isPresent();
            // a schema read from a database holds the whole CREATE INDEX as an index's expression
            boolean described = i.expression().filter(e -> e.strip().toUpperCase(Locale.ROOT).startsWith("CREATE ")).isEmpty();
            boolean primaryKey = i.unique() && i.columns().equals(t.primaryKey());
            if (uses && described && !primaryKey && seen.add(i.name())) {
                // method, operator classes and storage parameters come back with the rebuild
                String on = context.schema().indexOptions(table, i.name()).map(IndexClauses::on)
                        .orElseGet(() -> i.expression().map(e -> "((" + e + "))").orElse("(" + list(i.columns()) + ")"));
                indexes.add(new Index(i.name(), temporary(context, table, column, indexes.size()), i.unique(), on,
                        i.where()));
                if (i.unique() && i.expression().isEmpty() && i.where().isEmpty()) {
                    uniqueColumns.add(Set.copyOf(i.columns()));
                }
            }
        }
        List<Constraint> constraints = new ArrayList<>();
        for (CheckView c : t.checks()) {
            if (ColumnMentions.in(c.expression(), column)) {
                constraints.add(new Constraint(table, c.name(), temporary(context, table, column,
                        indexes.size() + constraints.size()), check(c.expression()), false));
            }
        }
        for (ForeignKeyView k : t.foreignKeys()) {
            if (k.columns().contains(column)) {
                constraints.add(new Constraint(table, k.name(), temporary(context, table, column,
                        indexes.size() + constraints.size()), ColumnClauses.foreignKey(k), false));
            }
        }
        List<TableView> tables = context.schema().tables().stream()
                .sorted(Comparator.comparing(v -> v.name().qualified())).toList();
        for (TableView other : tables) {
            for (ForeignKeyView k : other.foreignKeys()) {
                boolean refers = k.referencedTable().equals(table) && k.referencedColumns().contains(column)
                        && uniqueColumns.contains(Set.copyOf(k.referencedColumns()));
                boolean listed = other.name().equals(table) && k.columns().contains(column);
                if (refers && !listed) {
                    constraints.add(new Constraint(other.name(), k.name(), temporary(context, table, column,
                            indexes.size() + constraints.size()), ColumnClauses.foreignKey(k), true));
                }
            }
        }
        return new ColumnAttachments(indexes, constraints);
    }

    /** The temporary names, for the contract's run-time pass to leave alone. */
    List<String> temporaries() {
        List<String> names = new ArrayList<>();
        indexes.forEach(i -> names.add(i.temporary()));
        constraints.forEach(c -> names.add(c.temporary()));
        return names;
    }

    /** A check as the view holds it: the condition as written, or (read from a database) the whole clause. */
    private static String check(String expression) {
        String text = expression.strip();
        return text.toUpperCase(Locale.ROOT).matches("(?s)CHECK\\s*\\(.*") ? text : "CHECK (" + text + ")";
    }

    private static String temporary(PlanContext context, TableName table, String column, int n) {
        return context.names().of(table, column + "_was_" + (n + 1));
    }
}
