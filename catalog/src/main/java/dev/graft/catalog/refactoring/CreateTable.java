package dev.graft.catalog.refactoring;

import dev.graft.catalog.CheckView;
import dev.graft.catalog.ConstraintNames;
import dev.graft.catalog.ForeignKeyView;
import dev.graft.catalog.KeyView;
import dev.graft.catalog.Location;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code create_table: {table, columns, primary_key, constraints}}: a new table, with constraints
 * over several columns in {@code constraints} (see {@link TableConstraint}).
 *
 * <pre>{@code
 * - create_table:
 *     table: inventory
 *     columns:
 *       - { name: id, type: bigint, nullable: false }
 *       - { name: inventory_code, type: varchar(28) }
 *     primary_key: id
 * }</pre>
 *
 * @param location   where the refactoring is written
 * @param table      the new table
 * @param columns    its columns, in order
 * @param primaryKey its primary key, if any
 * @param constraints its table constraints, in order
 */
public record CreateTable(Location location, TableName table, List<ColumnDefinition> columns,
        Optional<PrimaryKey> primaryKey, List<TableConstraint> constraints) implements Refactoring {

    public CreateTable {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        columns = List.copyOf(columns);
        Objects.requireNonNull(primaryKey, "primaryKey == null");
        constraints = List.copyOf(constraints);
    }

    /** A table without table constraints. */
    public CreateTable(Location location, TableName table, List<ColumnDefinition> columns, Optional<PrimaryKey> primaryKey) {
        this(location, table, columns, primaryKey, List.of());
    }

    @Override
    public boolean isTransition() {
        return false;
    }

    static CreateTable read(Fields in) {
        return new CreateTable(in.location(), in.table("table"), in.list("columns", ColumnDefinition::read),
                PrimaryKey.read(in, "primary_key"), in.optionalList("constraints", TableConstraint::read).stream()
                        .flatMap(Optional::stream).toList());
    }

    static void check(CreateTable r, Checks c) {
        c.absentTable(r.table, c.at("table"));
        Set<String> seen = new HashSet<>();
        for (ColumnDefinition column : r.columns) {
            if (!seen.add(column.name())) {
                c.duplicate(column.location(), column.name(), "columns");
            }
        }
        List<String> names = r.columns.stream().map(ColumnDefinition::name).toList();
        TableView draft = r.draft();
        r.primaryKey.ifPresent(pk -> c.columns(draft, pk.columns(), c.at("primary_key")));
        r.primaryKey.ifPresent(pk -> r.columns.stream().filter(col -> pk.columns().contains(col.name())
                && col.defaultValue().isEmpty() && !col.fillsItself())
                .forEach(col -> c.declaresRequired(r.table, col.name())));
        Checks withDraft = c.with(draft);
        r.columns.forEach(column -> column.check(withDraft, r.table, names));
        TableConstraintChecks.check(r, draft, withDraft);
    }

    /** The table as this refactoring creates it. */
    TableView draft() {
        List<String> pk = primaryKey.map(PrimaryKey::columns).orElse(List.of());
        TableView t = TableView.of(table, columns.stream()
                .map(c -> pk.contains(c.name()) ? c.view().withNullable(false) : c.view()).toList())
                .withPrimaryKey(pk);
        for (ColumnDefinition c : columns) {
            t = withConstraints(t, c);
        }
        return TableConstraintChecks.withConstraints(t, constraints);
    }

    /** The unique key, check and foreign key a column definition declares, added to {@code t}. */
    static TableView withConstraints(TableView t, ColumnDefinition c) {
        String tableName = t.name().name();
        List<String> cols = List.of(c.name());
        if (c.unique()) {
            t = t.withUniqueKey(new KeyView(c.uniqueName().orElse(ConstraintNames.of(tableName, cols, "key")), cols));
        }
        if (c.check().isPresent()) {
            t = t.withCheck(new CheckView(c.checkName().orElse(ConstraintNames.of(tableName, cols, "check")),
                    c.check().get().sql()));
        }
        if (c.references().isPresent()) {
            ForeignKeyReference r = c.references().get();
            t = t.withForeignKey(new ForeignKeyView(r.name().orElse(ConstraintNames.of(tableName, cols, "fkey")),
                    cols, r.table(), r.columns(), r.onDelete(), r.onUpdate()));
        }
        return t;
    }

    @Override
    public SchemaView applyTo(SchemaView before) {
        return before.table(table).isPresent() ? before : before.withTable(draft());
    }

    static YamlOut write(CreateTable r) {
        YamlOut out = YamlOut.map().put("table", r.table.toString())
                .putList("columns", r.columns, ColumnDefinition::write);
        r.primaryKey.ifPresent(pk -> out.put("primary_key", pk.write()));
        if (!r.constraints.isEmpty()) {
            out.putList("constraints", r.constraints, TableConstraint::write);
        }
        return out;
    }
}
