package dev.graft.catalog.internal;

import dev.graft.catalog.CheckView;
import dev.graft.catalog.ColumnView;
import dev.graft.catalog.ForeignKeyView;
import dev.graft.catalog.IndexView;
import dev.graft.catalog.KeyView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.ViewDefinition;
import dev.graft.catalog.baseline.Comment;
import dev.graft.catalog.baseline.EnumType;
import dev.graft.catalog.refactoring.ReferentialAction;
import dev.graft.catalog.refactoring.TableName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads tables, columns, constraints, indexes, views, enums and comments of a live database from
 * {@code pg_catalog}.
 */
public final class DatabaseSchema {

    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
            + "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    private static final String COLUMNS = "SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),"
            + " a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum"
            + " WHERE c.relkind IN ('r', 'p') AND " + USER_SCHEMAS + " ORDER BY 1, 2, a.attnum";

    private static final String CONSTRAINTS = "SELECT n.nspname, c.relname, k.conname, k.contype,"
            + " ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(num, ord)"
            + "   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num ORDER BY u.ord),"
            + " fn.nspname, fc.relname,"
            + " ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(num, ord)"
            + "   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num ORDER BY u.ord),"
            + " k.confdeltype, k.confupdtype, pg_get_constraintdef(k.oid)"
            + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_class fc ON fc.oid = k.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace"
            + " WHERE k.contype IN ('p', 'u', 'f', 'c') AND " + USER_SCHEMAS + " ORDER BY 1, 2, 3";

    private static final String INDEXES = "SELECT n.nspname, c.relname, ic.relname, i.indisunique,"
            + " ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY u(num, ord)"
            + "   JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.num ORDER BY u.ord),"
            + " i.indexprs IS NOT NULL, pg_get_indexdef(i.indexrelid), pg_get_expr(i.indpred, i.indrelid),"
            + " EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"
            + " FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMAS + " ORDER BY 1, 2, 3";

    private static final String VIEWS = "SELECT n.nspname, c.relname,"
            + " ARRAY(SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0"
            + "   AND NOT a.attisdropped ORDER BY a.attnum)"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('v', 'm') AND " + USER_SCHEMAS + " ORDER BY 1, 2";

    private static final String PRIMARY_KEYS = "SELECT n.nspname, c.relname, k.conname FROM pg_constraint k"
            + " JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE k.contype = 'p' AND " + USER_SCHEMAS + " ORDER BY 1, 2";

    private static final String ENUMS = "SELECT n.nspname, t.typname,"
            + " ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)"
            + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
            + " WHERE t.typtype = 'e' AND " + USER_SCHEMAS + " ORDER BY 1, 2";

    private static final String COMMENTS = "SELECT n.nspname, c.relname, a.attname, d.description"
            + " FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0"
            + " WHERE c.relkind IN ('r', 'p', 'v', 'm') AND " + USER_SCHEMAS + " ORDER BY 1, 2, d.objsubid";

    private DatabaseSchema() { }

    /** Each table's primary key constraint name. */
    public static Map<TableName, String> primaryKeyNames(Connection connection) throws SQLException {
        Map<TableName, String> names = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement(PRIMARY_KEYS); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                names.put(new TableName(r.getString(1), r.getString(2)), r.getString(3));
            }
        }
        return names;
    }

    /** The enum types, by schema and name. */
    public static List<EnumType> enums(Connection connection) throws SQLException {
        List<EnumType> enums = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(ENUMS); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                enums.add(new EnumType(new TableName(r.getString(1), r.getString(2)), names(r.getArray(3))));
            }
        }
        return enums;
    }

    /** The comments on tables, views and their columns. */
    public static List<Comment> comments(Connection connection) throws SQLException {
        List<Comment> comments = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(COMMENTS); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                comments.add(new Comment(new TableName(r.getString(1), r.getString(2)),
                        Optional.ofNullable(r.getString(3)), r.getString(4)));
            }
        }
        return comments;
    }

    public static List<TableView> tables(Connection connection) throws SQLException {
        Map<TableName, TableView> tables = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement(COLUMNS); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                TableName name = new TableName(r.getString(1), r.getString(2));
                Optional<String> expression = Optional.ofNullable(r.getString(6));
                boolean generated = !r.getString(8).isEmpty();
                Optional<String> identity = switch (r.getString(7)) {
                    case "a" -> Optional.of("always");
                    case "d" -> Optional.of("by default");
                    default -> Optional.empty();
                };
                // a generated column's expression is kept where its default would be
                ColumnView column = new ColumnView(r.getString(3), r.getString(4), !r.getBoolean(5),
                        generated ? Optional.empty() : expression, identity,
                        generated ? expression : Optional.empty());
                tables.merge(name, TableView.of(name, List.of(column)), (a, b) -> a.withColumn(column));
            }
        }
        try (PreparedStatement s = connection.prepareStatement(CONSTRAINTS); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                TableName name = new TableName(r.getString(1), r.getString(2));
                String constraint = r.getString(3);
                List<String> columns = names(r.getArray(5));
                String type = r.getString(4);
                ForeignKeyView foreignKey = type.equals("f") ? new ForeignKeyView(constraint, columns,
                        new TableName(r.getString(6), r.getString(7)), names(r.getArray(8)), action(r.getString(9)),
                        action(r.getString(10))) : null;
                String definition = r.getString(11);
                tables.computeIfPresent(name, (n, t) -> switch (type) {
                    case "p" -> t.withPrimaryKey(columns);
                    case "u" -> t.withUniqueKey(new KeyView(constraint, columns));
                    case "f" -> t.withForeignKey(foreignKey);
                    default -> t.withCheck(new CheckView(constraint, definition));
                });
            }
        }
        try (PreparedStatement s = connection.prepareStatement(INDEXES); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                TableName name = new TableName(r.getString(1), r.getString(2));
                String index = r.getString(3);
                boolean unique = r.getBoolean(4);
                boolean expression = r.getBoolean(6);
                List<String> columns = expression ? List.of() : names(r.getArray(5));
                Optional<String> where = Optional.ofNullable(r.getString(8));
                boolean backsConstraint = r.getBoolean(9);
                IndexView view = new IndexView(index, columns, expression ? Optional.of(r.getString(7)) : Optional.empty(),
                        unique, where);
                tables.computeIfPresent(name, (n, t) -> {
                    TableView indexed = t.withIndex(view);
                    return unique && !backsConstraint && !expression && where.isEmpty()
                            ? indexed.withUniqueKey(new KeyView(index, columns)) : indexed;
                });
            }
        }
        return new ArrayList<>(tables.values());
    }

    public static List<ViewDefinition> views(Connection connection) throws SQLException {
        List<ViewDefinition> views = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(VIEWS); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                views.add(new ViewDefinition(new TableName(r.getString(1), r.getString(2)), names(r.getArray(3))));
            }
        }
        return views;
    }

    private static List<String> names(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static ReferentialAction action(String code) {
        return switch (code == null ? "a" : code) {
            case "r" -> ReferentialAction.RESTRICT;
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }
}
