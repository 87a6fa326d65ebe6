package dev.graft.catalog;

import dev.graft.catalog.refactoring.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A table as it stands at a point of the catalog: ordered columns and its keys, checks and
 * indexes. Immutable; the {@code with...} methods return changed copies.
 *
 * @param name        the table's name
 * @param columns     columns in order
 * @param primaryKey  primary key columns (empty: none)
 * @param uniqueKeys  unique constraints and unique indexes on plain columns
 * @param foreignKeys foreign keys of this table
 * @param checks      check constraints
 * @param indexes     indexes
 */
public record TableView(TableName name, List<ColumnView> columns, List<String> primaryKey, List<KeyView> uniqueKeys,
        List<ForeignKeyView> foreignKeys, List<CheckView> checks, List<IndexView> indexes) {

    public TableView {
        Objects.requireNonNull(name, "name == null");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        uniqueKeys = List.copyOf(uniqueKeys);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
        indexes = List.copyOf(indexes);
    }

    /** A table with these columns and nothing else. */
    public static TableView of(TableName name, List<ColumnView> columns) {
        return new TableView(name, columns, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** The column named exactly {@code name}. */
    public Optional<ColumnView> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public boolean hasColumn(String columnName) {
        return column(columnName).isPresent();
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnView::name).toList();
    }

    /** The key a backfill can walk in batches: the primary key, else a unique key of NOT NULL columns. */
    public Optional<List<String>> rowKey() {
        if (!primaryKey.isEmpty()) {
            return Optional.of(primaryKey);
        }
        return uniqueKeys.stream().map(KeyView::columns)
                .filter(cols -> cols.stream().allMatch(c -> column(c).map(col -> !col.nullable()).orElse(false)))
                .findFirst();
    }

    public TableView renamed(TableName newName) {
        return new TableView(newName, columns, primaryKey, uniqueKeys, foreignKeys, checks, indexes);
    }

    public TableView withColumn(ColumnView column) {
        List<ColumnView> more = new ArrayList<>(columns);
        more.add(column);
        return new TableView(name, more, primaryKey, uniqueKeys, foreignKeys, checks, indexes);
    }

    /** Replaces the column of the same name by {@code change} applied to it. */
    public TableView withColumnChanged(String columnName, UnaryOperator<ColumnView> change) {
        List<ColumnView> changed = columns.stream()
                .map(c -> c.name().equals(columnName) ? change.apply(c) : c).toList();
        return new TableView(name, changed, primaryKey, uniqueKeys, foreignKeys, checks, indexes);
    }

    /** Drops a column and, as PostgreSQL does, every key and index that uses it. */
    public TableView withoutColumn(String columnName) {
        return new TableView(name,
                columns.stream().filter(c -> !c.name().equals(columnName)).toList(),
                primaryKey.contains(columnName) ? List.of() : primaryKey,
                uniqueKeys.stream().filter(k -> !k.columns().contains(columnName)).toList(),
                foreignKeys.stream().filter(f -> !f.columns().contains(columnName)).toList(),
                checks,
                indexes.stream().filter(i -> !i.columns().contains(columnName)).toList());
    }

    /** Renames a column everywhere this table mentions it. */
    public TableView withColumnRenamed(String from, String to) {
        UnaryOperator<List<String>> rename = cols -> cols.stream().map(c -> c.equals(from) ? to : c).toList();
        return new TableView(name,
                columns.stream().map(c -> c.name().equals(from) ? c.withName(to) : c).toList(),
                rename.apply(primaryKey),
                uniqueKeys.stream().map(k -> new KeyView(k.name(), rename.apply(k.columns()))).toList(),
                foreignKeys.stream().map(f -> new ForeignKeyView(f.name(), rename.apply(f.columns()),
                        f.referencedTable(), f.referencedColumns(), f.onDelete(), f.onUpdate())).toList(),
                checks,
                indexes.stream().map(i -> new IndexView(i.name(), rename.apply(i.columns()), i.expression(),
                        i.unique(), i.where())).toList());
    }

    public TableView withPrimaryKey(List<String> key) {
        return new TableView(name, columns, key, uniqueKeys, foreignKeys, checks, indexes);
    }

    public TableView withUniqueKey(KeyView key) {
        return new TableView(name, columns, primaryKey, append(uniqueKeys, key), foreignKeys, checks, indexes);
    }

    public TableView withForeignKey(ForeignKeyView key) {
        return new TableView(name, columns, primaryKey, uniqueKeys, append(foreignKeys, key), checks, indexes);
    }

    public TableView withCheck(CheckView check) {
        return new TableView(name, columns, primaryKey, uniqueKeys, foreignKeys, append(checks, check), indexes);
    }

    public TableView withIndex(IndexView index) {
        return new TableView(name, columns, primaryKey, uniqueKeys, foreignKeys, checks, append(indexes, index));
    }

    /**
     * The primary key's name: the unique index on exactly its columns that is not a unique key,
     * else PostgreSQL's default {@code <table>_pkey}; empty without a primary key.
     */
    public Optional<String> primaryKeyName() {
        if (primaryKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(indexes.stream().filter(i -> i.unique() && i.columns().equals(primaryKey)
                        && i.expression().isEmpty() && i.where().isEmpty()
                        && uniqueKeys.stream().noneMatch(k -> k.name().equals(i.name())))
                .map(IndexView::name).findFirst().orElse(ConstraintNames.primaryKey(name.name())));
    }

    /** Every constraint name of the table: primary key, unique keys, foreign keys, checks. */
    public List<String> constraintNames() {
        List<String> names = new ArrayList<>();
        primaryKeyName().ifPresent(names::add);
        uniqueKeys.forEach(k -> names.add(k.name()));
        foreignKeys.forEach(k -> names.add(k.name()));
        checks.forEach(k -> names.add(k.name()));
        return names;
    }

    /** Without the constraint of that name, and without the index it owned (a key's). */
    public TableView withoutConstraint(String constraint) {
        boolean pk = primaryKeyName().filter(constraint::equals).isPresent();
        return new TableView(name, columns, pk ? List.of() : primaryKey,
                uniqueKeys.stream().filter(k -> !k.name().equals(constraint)).toList(),
                foreignKeys.stream().filter(k -> !k.name().equals(constraint)).toList(),
                checks.stream().filter(k -> !k.name().equals(constraint)).toList(),
                indexes.stream().filter(i -> !i.name().equals(constraint)).toList());
    }

    /** The constraint (and the index of a key) renamed. */
    public TableView withConstraintRenamed(String from, String to) {
        boolean pk = primaryKeyName().filter(from::equals).isPresent();
        List<IndexView> renamed = indexes.stream().map(i -> i.name().equals(from)
                ? new IndexView(to, i.columns(), i.expression(), i.unique(), i.where()) : i).toList();
        if (pk && renamed.stream().noneMatch(i -> i.name().equals(to))) {
            renamed = append(renamed, new IndexView(to, primaryKey, Optional.empty(), true, Optional.empty()));
        }
        return new TableView(name, columns, primaryKey,
                uniqueKeys.stream().map(k -> k.name().equals(from) ? new KeyView(to, k.columns()) : k).toList(),
                foreignKeys.stream().map(f -> f.name().equals(from) ? new ForeignKeyView(to, f.columns(),
                        f.referencedTable(), f.referencedColumns(), f.onDelete(), f.onUpdate()) : f).toList(),
                checks.stream().map(k -> k.name().equals(from) ? new CheckView(to, k.expression()) : k).toList(),
                renamed);
    }

    /** Without the index of that name (and the unique key it served, if it was only an index). */
    public TableView withoutIndex(String index) {
        return new TableView(name, columns, primaryKey,
                uniqueKeys.stream().filter(k -> !k.name().equals(index)).toList(), foreignKeys, checks,
                indexes.stream().filter(i -> !i.name().equals(index)).toList());
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> more = new ArrayList<>(list);
        more.add(item);
        return more;
    }
}
