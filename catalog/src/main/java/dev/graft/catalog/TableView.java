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

    private static <T> List<T> append(List<T> list, T item) {
        List<T> more = new ArrayList<>(list);
        more.add(item);
        return more;
    }
}
