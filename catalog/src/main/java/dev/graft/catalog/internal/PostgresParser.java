package dev.graft.catalog.internal;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.refactoring.TableName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The one place that talks to JSqlParser (with {@link ExpressionCollector}, its expression
 * walker): parse, then {@code instanceof}. Expressions become
 * {@link ExpressionFacts}, statements {@link Ddl}; anything JSqlParser cannot parse is "not a
 * single expression" or {@link Ddl.Unfollowed}, never a crash.
 */
public final class PostgresParser {

    private static final Set<String> STATEMENT_KEYWORDS = Set.of("select", "insert", "update", "delete", "merge",
            "drop", "create", "alter", "truncate", "grant", "revoke", "copy", "commit", "rollback", "begin", "do",
            "call", "execute", "vacuum", "analyze", "comment", "reindex", "cluster", "lock", "refresh");

    /**
     * Deeper parenthesis nesting than any catalog expression needs; the parser's time grows
     * quickly with depth (200 levels take most of a second) and its stack overflows near 2,000.
     */
    public static final int MAX_NESTING = 32;

    private PostgresParser() { }

    /** Facts of recently parsed expressions: a catalog asks about each several times, parsing dominates. */
    private static final Map<String, ExpressionFacts> RECENT = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ExpressionFacts> eldest) {
                    return size() > 1024;
                }
            });

    /** Parses one expression and reports what it names and calls. */
    public static ExpressionFacts expression(String text) {
        if (text.length() > 10_000) {
            return parse(text);
        }
        ExpressionFacts known = RECENT.get(text);
        if (known == null) {
            known = parse(text);
            RECENT.put(text, known);
        }
        return known;
    }

    private static ExpressionFacts parse(String text) {
        String code = SqlText.withoutLiterals(text);
        if (text.isBlank()) {
            return ExpressionFacts.rejected(ExpressionFacts.Rejection.EMPTY);
        }
        if (code.indexOf(';') >= 0) {
            return ExpressionFacts.rejected(ExpressionFacts.Rejection.SEMICOLON);
        }
        if (SqlText.isStringLiteral(text.strip())) {
            String inner = text.strip();
            return new ExpressionFacts(Optional.empty(), List.of(), Set.of(), false, Set.of(), false,
                    new ValueShape(ValueShape.Form.STRING, inner.substring(1, inner.length() - 1).replace("''", "'")));
        }
        if (SqlText.commentStart(text) >= 0) {
            return ExpressionFacts.rejected(ExpressionFacts.Rejection.COMMENT);
        }
        if (SqlText.nesting(code) > MAX_NESTING) {
            return ExpressionFacts.rejected(ExpressionFacts.Rejection.TOO_DEEP);
        }
        net.sf.jsqlparser.expression.Expression parsed;
        try {
            parsed = CCJSqlParserUtil.parseExpression(text, false);
        } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
            parsed = null;
        }
        if (parsed == null) {
            return ExpressionFacts.rejected(statementKeyword(code).isPresent()
                    ? ExpressionFacts.Rejection.STATEMENT_KEYWORD : ExpressionFacts.Rejection.NOT_AN_EXPRESSION);
        }
        if (parsed instanceof ParenthesedSelect) {
            return new ExpressionFacts(Optional.empty(), List.of(), Set.of(), true);
        }
        if (parsed instanceof Select) {
            return ExpressionFacts.rejected(ExpressionFacts.Rejection.STATEMENT_KEYWORD);
        }
        ExpressionCollector collector = new ExpressionCollector();
        try {
            parsed.accept(collector, null);
        } catch (RuntimeException | StackOverflowError e) {
            return ExpressionFacts.rejected(ExpressionFacts.Rejection.TOO_DEEP);
        }
        return new ExpressionFacts(Optional.empty(), collector.columns, collector.functions, collector.subquery,
                collector.calls, collector.window, ExpressionCollector.shape(parsed));
    }

    /** Statements that leave tables and columns alone, recognized by their first words. */
    private static final java.util.regex.Pattern NO_EFFECT = java.util.regex.Pattern.compile(
            "(?is)\\s*(insert|update|delete|select|with|comment|grant|revoke|set|reset|analyze|vacuum|notify|"
            + "create\\s+(or\\s+replace\\s+)?(function|procedure|trigger|sequence|extension|type|schema|role)|"
            + "alter\\s+(sequence|function|role|schema|type)|drop\\s+(function|procedure|trigger|sequence|type|index)"
            + ")\\b.*");

    /** What one statement does to tables and columns. */
    public static List<Ddl> statement(String sql) {
        if (SqlText.nesting(SqlText.withoutLiterals(sql)) > MAX_NESTING) {
            return List.of(new Ddl.Unfollowed("nested deeper than " + MAX_NESTING + " parentheses"));
        }
        Statement parsed;
        try {
            parsed = CCJSqlParserUtil.parse(sql);
        } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
            return List.of(NO_EFFECT.matcher(sql).matches() ? new Ddl.NoEffect()
                    : new Ddl.Unfollowed("Graft's SQL reader does not understand this statement"));
        }
        try {
            return ddl(parsed, sql);
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(new Ddl.Unfollowed("Graft's SQL reader does not understand this statement"));
        }
    }

    private static List<Ddl> ddl(Statement parsed, String sql) {
        if (parsed instanceof CreateTable create) {
            if (create.getSelect() != null || create.getLikeTable() != null) {
                return List.of(new Ddl.Unfollowed("the columns of CREATE TABLE ... AS or LIKE are known only once it runs"));
            }
            List<ColumnView> columns = new ArrayList<>();
            List<String> primaryKey = new ArrayList<>();
            List<List<String>> unique = new ArrayList<>();
            for (ColumnDefinition column : create.getColumnDefinitions()) {
                String name = identifier(column.getColumnName());
                String specs = String.join(" ", column.getColumnSpecs() == null ? List.of() : column.getColumnSpecs())
                        .toUpperCase(Locale.ROOT);
                if (specs.contains("PRIMARY KEY")) {
                    primaryKey.add(name);
                } else if (specs.matches(".*\\bUNIQUE\\b.*")) {
                    unique.add(List.of(name));
                }
                columns.add(new ColumnView(name, column.getColDataType().toString(),
                        !specs.contains("NOT NULL") && !specs.contains("PRIMARY KEY"), Optional.empty()));
            }
            for (Index index : create.getIndexes() == null ? List.<Index>of() : create.getIndexes()) {
                List<String> names = index.getColumnsNames().stream().map(PostgresParser::identifier).toList();
                if ("PRIMARY KEY".equalsIgnoreCase(index.getType())) {
                    primaryKey.addAll(names);
                } else if (index.getType() != null && index.getType().toUpperCase(Locale.ROOT).contains("UNIQUE")) {
                    unique.add(names);
                }
            }
            return List.of(new Ddl.CreateTable(table(create.getTable()), columns, primaryKey, unique));
        }
        if (parsed instanceof Alter alter) {
            TableName table = table(alter.getTable());
            List<Ddl> changes = new ArrayList<>();
            for (AlterExpression e : alter.getAlterExpressions()) {
                changes.add(alteration(table, e));
            }
            return changes;
        }
        if (parsed instanceof Drop drop) {
            String type = drop.getType().toUpperCase(Locale.ROOT);
            if (type.equals("TABLE")) {
                return List.of(new Ddl.DropTable(table(drop.getName())));
            }
            return List.of(type.contains("VIEW") ? new Ddl.DropView(table(drop.getName())) : new Ddl.NoEffect());
        }
        if (parsed instanceof CreateIndex index) {
            Index i = index.getIndex();
            return List.of(new Ddl.CreateIndex(table(index.getTable()), i.getName() == null ? "" : identifier(i.getName()),
                    i.getColumnsNames().stream().map(PostgresParser::identifier).toList(),
                    i.getType() != null && i.getType().toUpperCase(Locale.ROOT).contains("UNIQUE")));
        }
        if (parsed instanceof CreateView view) {
            return List.of(new Ddl.CreateView(table(view.getView())));
        }
        return List.of(NO_EFFECT.matcher(sql).matches() ? new Ddl.NoEffect()
                : new Ddl.Unfollowed("Graft does not track what this kind of statement changes"));
    }

    private static Ddl alteration(TableName table, AlterExpression e) {
        AlterOperation op = e.getOperation();
        List<AlterExpression.ColumnDataType> types = e.getColDataTypeList();
        if (op == AlterOperation.ADD && types != null && types.size() == 1 && e.getIndex() == null) {
            AlterExpression.ColumnDataType column = types.get(0);
            String specs = String.join(" ", column.getColumnSpecs() == null ? List.of() : column.getColumnSpecs())
                    .toUpperCase(Locale.ROOT);
            return new Ddl.AddColumn(table, new ColumnView(identifier(column.getColumnName()),
                    column.getColDataType().toString(), !specs.contains("NOT NULL"), Optional.empty()));
        }
        if (op == AlterOperation.ADD && e.getPkColumns() != null) {
            return new Ddl.AddKey(table, e.getConstraintName() == null ? "" : identifier(e.getConstraintName()),
                    e.getPkColumns().stream().map(PostgresParser::identifier).toList(), true);
        }
        if (op == AlterOperation.ADD && e.getUkColumns() != null) {
            return new Ddl.AddKey(table, e.getUkName() == null ? "" : identifier(e.getUkName()),
                    e.getUkColumns().stream().map(PostgresParser::identifier).toList(), false);
        }
        if (op == AlterOperation.ALTER && types != null && types.size() == 1
                && types.get(0).getColDataType() != null) {
            return new Ddl.AlterColumnType(table, identifier(types.get(0).getColumnName()),
                    types.get(0).getColDataType().toString());
        }
        if (op == AlterOperation.DROP && e.getColumnName() != null && e.getIndex() == null
                && e.getConstraintName() == null) {
            return new Ddl.DropColumn(table, identifier(e.getColumnName()));
        }
        if (op == AlterOperation.RENAME && e.getColumnOldName() != null) {
            return new Ddl.RenameColumn(table, identifier(e.getColumnOldName()), identifier(e.getColumnName()));
        }
        if (op == AlterOperation.RENAME_TABLE && e.getNewTableName() != null) {
            return new Ddl.RenameTable(table, identifier(e.getNewTableName()));
        }
        return new Ddl.Unfollowed("alter table " + op.toString().toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    private static TableName table(Table table) {
        String name = identifier(table.getName());
        return table.getSchemaName() == null ? TableName.of(name)
                : new TableName(identifier(table.getSchemaName()), name);
    }

    /** The first statement keyword written outside literals, lower case. */
    public static Optional<String> statementKeyword(String codeWithoutLiterals) {
        for (String word : codeWithoutLiterals.toLowerCase(Locale.ROOT).split("[^a-z_]+")) {
            if (STATEMENT_KEYWORDS.contains(word)) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }

    /** A name as PostgreSQL resolves it: quoted names as written, others folded to lower case. */
    static String identifier(String written) {
        if (written.length() >= 2 && written.startsWith("\"") && written.endsWith("\"")) {
            return written.substring(1, written.length() - 1).replace("\"\"", "\"");
        }
        return written.toLowerCase(Locale.ROOT);
    }
}
