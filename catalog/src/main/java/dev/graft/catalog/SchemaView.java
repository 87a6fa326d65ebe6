package dev.graft.catalog;

import dev.graft.catalog.internal.DatabaseSchema;
import dev.graft.catalog.refactoring.IndexOptions;
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
    /** Types of the user's own: kept apart so that the table and view methods stay as they were. */
    private final TreeMap<TableName, TypeView> types;
    /** How indexes that need more than columns are built ({@code table.index} to options), for rebuilds. */
    private final TreeMap<String, IndexOptions> indexOptions;

    private SchemaView(TreeMap<TableName, TableView> tables, TreeMap<TableName, ViewDefinition> views, boolean exact) {
        this(tables, views, exact, new TreeMap<>(ORDER), new TreeMap<>());
    }

    private SchemaView(TreeMap<TableName, TableView> tables, TreeMap<TableName, ViewDefinition> views, boolean exact,
            TreeMap<TableName, TypeView> types, TreeMap<String, IndexOptions> indexOptions) {
        this.tables = tables;
        this.views = views;
        this.exact = exact;
        this.types = types;
        this.indexOptions = indexOptions;
    }

    /** No tables, no views. */
    public static SchemaView empty() {
        return EMPTY;
    }

    /**
     * Reads the tables, views and enum types of every non-system schema of a live database from
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
        for (dev.graft.catalog.baseline.EnumType e : DatabaseSchema.enums(connection)) {
            view = view.withType(TypeView.enumOf(e.name(), e.labels()));
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
        return new SchemaView(new TreeMap<>(tables), new TreeMap<>(views), false, types, indexOptions);
    }

    public SchemaView withTable(TableView table) {
        TreeMap<TableName, TableView> more = new TreeMap<>(tables);
        more.put(table.name(), table);
        return new SchemaView(more, new TreeMap<>(views), exact, types, indexOptions);
    }

    public SchemaView withoutTable(TableName name) {
        TreeMap<TableName, TableView> fewer = new TreeMap<>(tables);
        fewer.remove(name);
        return new SchemaView(fewer, new TreeMap<>(views), exact, types, indexOptions);
    }

    public SchemaView withView(ViewDefinition view) {
        TreeMap<TableName, ViewDefinition> more = new TreeMap<>(views);
        more.put(view.name(), view);
        return new SchemaView(new TreeMap<>(tables), more, exact, types, indexOptions);
    }

    public SchemaView withoutView(TableName name) {
        TreeMap<TableName, ViewDefinition> fewer = new TreeMap<>(views);
        fewer.remove(name);
        return new SchemaView(new TreeMap<>(tables), fewer, exact, types, indexOptions);
    }

    /** A type of the user's own ({@code create_type}), by its schema-qualified name. */
    public Optional<TypeView> type(TableName name) {
        return Optional.ofNullable(types.get(name));
    }

    /** Types of the user's own, ordered by schema and name. */
    public Collection<TypeView> types() {
        return types.values();
    }

    public SchemaView withType(TypeView type) {
        TreeMap<TableName, TypeView> more = new TreeMap<>(types);
        more.put(type.name(), type);
        return new SchemaView(new TreeMap<>(tables), new TreeMap<>(views), exact, more, indexOptions);
    }

    /** How index {@code index} of {@code table} is built, where it needs more than its columns. */
    public Optional<IndexOptions> indexOptions(TableName table, String index) {
        return Optional.ofNullable(indexOptions.get(table.qualified() + "." + index));
    }

    public SchemaView withIndexOptions(TableName table, String index, IndexOptions options) {
        TreeMap<String, IndexOptions> more = new TreeMap<>(indexOptions);
        more.put(table.qualified() + "." + index, options);
        return new SchemaView(new TreeMap<>(tables), new TreeMap<>(views), exact, types, more);
    }

    /** Changes one type if it exists; otherwise returns this view unchanged. */
    public SchemaView withTypeChanged(TableName name, java.util.function.UnaryOperator<TypeView> change) {
        return type(name).map(t -> withType(change.apply(t))).orElse(this);
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
        return o instanceof SchemaView s && s.tables.equals(tables) && s.views.equals(views) && s.exact == exact
                && s.types.equals(types) && s.indexOptions.equals(indexOptions);
    }

    @Override
    public int hashCode() {
        return tables.hashCode() * 31 + views.hashCode();
    }

    @Override
    public String toString() {
        return "SchemaView" + tables.values() + views.values() + (types.isEmpty() ? "" : types.values().toString());
    }
}
