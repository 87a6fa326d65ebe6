package dev.graft.catalog;

import dev.graft.catalog.internal.DatabaseSchema;
import dev.graft.catalog.refactoring.Refactoring;
import dev.graft.catalog.refactoring.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The schema as it stands at a point of the catalog: a baseline (empty, or read from a live
 * database) with every earlier refactoring applied virtually. Immutable.
 *
 * <pre>{@code
 * SchemaView after = SchemaView.empty().apply(createTable);
 * after.table(TableName.of("inventory")).orElseThrow().column("inventory_code");
 * }</pre>
 */
public final class SchemaView {

    private static final Comparator<TableName> ORDER =
            Comparator.comparing(TableName::schema).thenComparing(TableName::name);
    private static final SchemaView EMPTY = new SchemaView(new TreeMap<>(ORDER), new TreeMap<>(ORDER), true);

    private final TreeMap<TableName, TableView> tables;
    private final TreeMap<TableName, ViewDefinition> views;
    private final boolean exact;

    private SchemaView(TreeMap<TableName, TableView> tables, TreeMap<TableName, ViewDefinition> views, boolean exact) {
        this.tables = tables;
        this.views = views;
        this.exact = exact;
    }

    /** No tables, no views. */
    public static SchemaView empty() {
        return EMPTY;
    }

    /**
     * Reads the tables and views of every non-system schema of a live database from
     * {@code pg_catalog}.
     *
     * @throws SQLException if the database cannot be read
     */
    public static SchemaView read(Connection connection) throws SQLException {
        SchemaView view = EMPTY;
        for (TableView table : DatabaseSchema.tables(connection)) {
            view = view.withTable(table);
        }
        for (ViewDefinition definition : DatabaseSchema.views(connection)) {
            view = view.withView(definition);
        }
        return view;
    }

    public Optional<TableView> table(TableName name) {
        return Optional.ofNullable(tables.get(name));
    }

    public Optional<ViewDefinition> view(TableName name) {
        return Optional.ofNullable(views.get(name));
    }

    /** Tables ordered by schema and name. */
    public Collection<TableView> tables() {
        return tables.values();
    }

    /** Views ordered by schema and name. */
    public Collection<ViewDefinition> views() {
        return views.values();
    }

    /**
     * Whether this view is known to be complete: false once a hand-written statement could not
     * be followed, after which missing names are checked on a real branch at verify time.
     */
    public boolean isExact() {
        return exact;
    }

    public SchemaView inexact() {
        return new SchemaView(new TreeMap<>(tables), new TreeMap<>(views), false);
    }

    public SchemaView withTable(TableView table) {
        TreeMap<TableName, TableView> more = new TreeMap<>(tables);
        more.put(table.name(), table);
        return new SchemaView(more, new TreeMap<>(views), exact);
    }

    public SchemaView withoutTable(TableName name) {
        TreeMap<TableName, TableView> fewer = new TreeMap<>(tables);
        fewer.remove(name);
        return new SchemaView(fewer, new TreeMap<>(views), exact);
    }

    public SchemaView withView(ViewDefinition view) {
        TreeMap<TableName, ViewDefinition> more = new TreeMap<>(views);
        more.put(view.name(), view);
        return new SchemaView(new TreeMap<>(tables), more, exact);
    }

    public SchemaView withoutView(TableName name) {
        TreeMap<TableName, ViewDefinition> fewer = new TreeMap<>(views);
        fewer.remove(name);
        return new SchemaView(new TreeMap<>(tables), fewer, exact);
    }

    /** Changes one table if it exists; otherwise returns this view unchanged. */
    public SchemaView withTableChanged(TableName name, java.util.function.UnaryOperator<TableView> change) {
        return table(name).map(t -> withTable(change.apply(t))).orElse(this);
    }

    /**
     * The schema after the expand of {@code refactoring} (for a transition: both shapes). A
     * refactoring naming tables that do not exist leaves them alone; validation reports them.
     */
    public SchemaView apply(Refactoring refactoring) {
        return refactoring.applyTo(this);
    }

    /** The schema after the contract of a transition refactoring (what {@code complete} does). */
    public SchemaView complete(Refactoring transition) {
        return transition.contract(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaView s && s.tables.equals(tables) && s.views.equals(views) && s.exact == exact;
    }

    @Override
    public int hashCode() {
        return tables.hashCode() * 31 + views.hashCode();
    }

    @Override
    public String toString() {
        return "SchemaView" + tables.values() + views.values();
    }
}
