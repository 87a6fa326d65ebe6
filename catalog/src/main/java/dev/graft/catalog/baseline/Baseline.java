package dev.graft.catalog.baseline;

import dev.graft.catalog.CatalogException;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.TypeView;
import dev.graft.catalog.ViewDefinition;
import dev.graft.catalog.internal.DatabaseSchema;
import dev.graft.catalog.refactoring.TableName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The schema a parent database has before the first catalog file: its tables (columns with
 * type, nullability, default, identity and generation; keys, checks and indexes, all named),
 * views, enums and comments. Captured from a live database, written to {@value #FILE_NAME} in the
 * catalog folder, read back offline; equal captures write equal files.
 *
 * <pre>{@code
 * Baseline captured = Baseline.capture(connection);
 * captured.write(catalogDirectory.resolve(Baseline.FILE_NAME));
 * List<String> drift = Baseline.read(file).differencesFrom(Baseline.capture(parentConnection));
 * }</pre>
 *
 * @param schema          tables and views, as the catalog's first migration sees them
 * @param primaryKeyNames each table's primary key constraint name
 * @param enums           enum types, by schema and name
 * @param comments        comments on tables, views and table columns, by what they are on
 */
public record Baseline(SchemaView schema, Map<TableName, String> primaryKeyNames, List<EnumType> enums,
        List<Comment> comments) {

    /** The baseline's file name in the catalog folder. */
    public static final String FILE_NAME = "baseline.yaml";

    /** Flyway's own table: it changes with every migration and is no part of the schema. */
    private static final String FLYWAY_HISTORY = "flyway_schema_history";

    private static final Comparator<TableName> BY_NAME =
            Comparator.comparing(TableName::schema).thenComparing(TableName::name);

    public Baseline {
        Objects.requireNonNull(schema, "schema == null");
        primaryKeyNames = Collections.unmodifiableMap(sorted(primaryKeyNames));
        enums = enums.stream().sorted(Comparator.comparing(EnumType::name, BY_NAME)).toList();
        for (EnumType e : enums) {
            schema = schema.withType(TypeView.enumOf(e.name(), e.labels()));
        }
        comments = comments.stream().sorted(Comparator.comparing(Comment::table, BY_NAME)
                .thenComparing(c -> c.column().orElse(""))).toList();
    }

    private static Map<TableName, String> sorted(Map<TableName, String> names) {
        TreeMap<TableName, String> sorted = new TreeMap<>(BY_NAME);
        sorted.putAll(names);
        return sorted;
    }

    /** A database with nothing in it. */
    public static Baseline empty() {
        return new Baseline(SchemaView.empty(), Map.of(), List.of(), List.of());
    }

    /**
     * Reads the schema of every non-system schema of a live database (Flyway's history table left out).
     *
     * @throws SQLException if the database cannot be read
     */
    public static Baseline capture(Connection connection) throws SQLException {
        SchemaView schema = SchemaView.empty();
        for (TableView table : DatabaseSchema.tables(connection)) {
            if (!table.name().name().equals(FLYWAY_HISTORY)) {
                schema = schema.withTable(table);
            }
        }
        for (ViewDefinition view : DatabaseSchema.views(connection)) {
            schema = schema.withView(view);
        }
        SchemaView captured = schema;
        Map<TableName, String> keys = new TreeMap<>(BY_NAME);
        DatabaseSchema.primaryKeyNames(connection).forEach((table, key) -> {
            if (captured.table(table).isPresent()) {
                keys.put(table, key);
            }
        });
        // view columns' comments have no place in the file: comments on tables, views and table columns
        List<Comment> comments = DatabaseSchema.comments(connection).stream()
                .filter(c -> captured.table(c.table()).isPresent() || c.column().isEmpty()).toList();
        return new Baseline(captured, keys, DatabaseSchema.enums(connection), comments);
    }

    /**
     * Reads a baseline file; {@code name} is how problems name it ({@code baseline.yaml:12:9}).
     *
     * @throws CatalogException with every problem found, each with its line and column
     */
    public static Baseline read(Path file, String name) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return BaselineReader.read(text, name);
    }

    /** The baseline in {@code catalogDirectory}, if it has one. */
    public static Optional<Baseline> find(Path catalogDirectory) {
        Path file = catalogDirectory.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? Optional.of(read(file, FILE_NAME)) : Optional.empty();
    }

    /** The file's text: YAML in a fixed order, so that an unchanged schema gives the same bytes. */
    public String toYaml() {
        return BaselineWriter.toYaml(this);
    }

    /** Writes {@link #toYaml} to {@code file} in UTF-8. */
    public void write(Path file) {
        try {
            Files.writeString(file, toYaml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * How {@code actual} (the parent as it is now) differs from this baseline, one line per
     * difference naming the table, column or constraint; empty when they agree.
     */
    public List<String> differencesFrom(Baseline actual) {
        return BaselineDrift.between(this, actual);
    }

    /** The comment on {@code table} or, with a column, on that column. */
    public Optional<String> comment(TableName table, Optional<String> column) {
        return comments.stream().filter(c -> c.table().equals(table) && c.column().equals(column))
                .map(Comment::text).findFirst();
    }
}
