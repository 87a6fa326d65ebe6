package dev.graft.verifier.lint;

import dev.graft.verifier.lint.StatementFacts.ActionKind;
import dev.graft.verifier.lint.StatementFacts.AlterAction;
import dev.graft.verifier.lint.StatementFacts.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeValue;
import net.sf.jsqlparser.expression.TimestampValue;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.function.CreateFunction;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.schema.CreateSchema;
import net.sf.jsqlparser.statement.create.sequence.CreateSequence;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.refresh.RefreshMaterializedViewStatement;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;

/**
 * The one adapter over JSqlParser: reads a statement into {@link StatementFacts}. PostgreSQL
 * words JSqlParser does not know ({@code CONCURRENTLY}, {@code NOT VALID}, {@code SET DATA TYPE})
 * are noted and removed before parsing; statement heads it cannot parse at all ({@code DO},
 * {@code CREATE TYPE}, {@code CREATE TRIGGER}, {@code VACUUM FULL}, ...) are recognized by their
 * leading words. Anything else it cannot read is {@link Kind#UNPARSEABLE}, never an exception.
 */
final class JsqlStatements {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern LEADING_COMMENTS = Pattern.compile("\\A(\\s*(--[^\\n]*\\n|/\\*.*?\\*/))*\\s*", FLAGS);
    private static final Pattern CONCURRENTLY = Pattern.compile(
            "\\A((?:CREATE\\s+(?:UNIQUE\\s+)?INDEX|DROP\\s+INDEX)\\s+)CONCURRENTLY\\s+", FLAGS);
    private static final Pattern NOT_VALID = Pattern.compile("\\s+NOT\\s+VALID\\b", FLAGS);
    private static final Pattern SET_DATA_TYPE = Pattern.compile("\\bSET\\s+DATA\\s+TYPE\\b", FLAGS);
    private static final Pattern OR_REPLACE = Pattern.compile("\\ACREATE\\s+OR\\s+REPLACE\\b", FLAGS);
    private static final Pattern IF_NOT_EXISTS = Pattern.compile("\\bIF\\s+NOT\\s+EXISTS\\b", FLAGS);
    private static final Pattern INDEX = Pattern.compile("\\ACREATE\\s+(UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?"
            + "(IF\\s+NOT\\s+EXISTS\\s+)?(?:(\\S+)\\s+)?ON\\s+(?:ONLY\\s+)?([^\\s(]+)", FLAGS);
    private static final Pattern TRIGGER = Pattern.compile("\\ACREATE\\s+(OR\\s+REPLACE\\s+)?(?:CONSTRAINT\\s+)?TRIGGER\\s+(\\S+)", FLAGS);
    private static final Pattern TYPE = Pattern.compile("\\ACREATE\\s+TYPE\\s+(\\S+)", FLAGS);
    private static final Pattern EXTENSION = Pattern.compile("\\ACREATE\\s+EXTENSION\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(\\S+)", FLAGS);
    private static final Pattern SEQUENCE = Pattern.compile("\\ACREATE\\s+SEQUENCE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(\\S+)", FLAGS);
    private static final Pattern DROP = Pattern.compile("\\ADROP\\s+(?:MATERIALIZED\\s+)?\\w+\\s+(CONCURRENTLY\\s+)?(IF\\s+EXISTS\\s+)?(\\S+)", FLAGS);
    private static final Pattern EXCLUSIVE = Pattern.compile("\\A(VACUUM\\s+(?:\\(\\s*)?FULL|CLUSTER|LOCK(?:\\s+TABLE)?)\\b\\s*(\\S*)", FLAGS);
    private static final Pattern USING_INDEX = Pattern.compile("\\AALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?(\\S+)"
            + "\\s+ADD\\s+CONSTRAINT\\s+(\\S+)\\s+(UNIQUE|PRIMARY\\s+KEY)\\s+USING\\s+INDEX\\b", FLAGS);
    private static final Pattern CONSTRAINT_TYPE = Pattern.compile("\\b(FOREIGN\\s+KEY|CHECK|UNIQUE|PRIMARY\\s+KEY|EXCLUDE)\\b", FLAGS);
    private static final Pattern KEY = Pattern.compile("\\b(PRIMARY\\s+KEY|UNIQUE|EXCLUDE)\\b", FLAGS);
    private static final Pattern ACTION_COLUMN = Pattern.compile("\\A\\w+\\s+(?:COLUMN\\s+)?(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?(\\S+)", FLAGS);

    private JsqlStatements() {
    }

    static StatementFacts read(String statement) {
        String sql = LEADING_COMMENTS.matcher(statement).replaceFirst("").strip();
        if (sql.regionMatches(true, 0, "DO", 0, 2) && (sql.length() == 2 || !Character.isLetterOrDigit(sql.charAt(2)))) {
            return StatementFacts.of(Kind.DO_BLOCK, "");
        }
        boolean concurrently = CONCURRENTLY.matcher(sql).find();
        boolean notValid = NOT_VALID.matcher(sql).find();
        String normalized = SET_DATA_TYPE.matcher(NOT_VALID.matcher(CONCURRENTLY.matcher(sql).replaceFirst("$1"))
                .replaceAll("")).replaceAll("TYPE");
        try {
            Statement parsed = CCJSqlParserUtil.parse(normalized);
            StatementFacts facts = facts(parsed, sql, notValid);
            if (facts != null) {
                return facts.kind() == Kind.CREATE_INDEX || facts.kind() == Kind.DROP
                        ? facts.with(facts.ifExists(), facts.ifNotExists(), facts.orReplace(), concurrently) : facts;
            }
        } catch (Exception | StackOverflowError e) {
            // not readable by JSqlParser: try the statement heads it does not know below
        }
        return heads(sql, notValid);
    }

    private static StatementFacts facts(Statement parsed, String sql, boolean notValid) {
        boolean replace = OR_REPLACE.matcher(sql).find();
        if (parsed instanceof CreateTable t) {
            return StatementFacts.of(Kind.CREATE_TABLE, t.getTable().getFullyQualifiedName())
                    .with(false, t.isIfNotExists(), false, false).on("", KEY.matcher(sql).find());
        }
        if (parsed instanceof CreateIndex i) {
            return StatementFacts.of(Kind.CREATE_INDEX, i.getIndex() == null ? "" : String.valueOf(i.getIndex().getName()))
                    .with(false, i.isUsingIfNotExists(), false, false)
                    .on(i.getTable().getFullyQualifiedName(), sql.toUpperCase(Locale.ROOT).startsWith("CREATE UNIQUE"));
        }
        if (parsed instanceof CreateView v) {
            return StatementFacts.of(v.isMaterialized() ? Kind.CREATE_MATERIALIZED_VIEW : Kind.CREATE_VIEW,
                    v.getView().getFullyQualifiedName()).with(false, v.isIfNotExists(), v.isOrReplace(), false);
        }
        if (parsed instanceof CreateFunction) {
            return StatementFacts.of(Kind.CREATE_FUNCTION, "").with(false, false, replace, false);
        }
        if (parsed instanceof CreateSequence s) {
            return StatementFacts.of(Kind.CREATE_SEQUENCE, s.getSequence().getFullyQualifiedName())
                    .with(false, IF_NOT_EXISTS.matcher(sql).find(), false, false);
        }
        if (parsed instanceof CreateSchema s) {
            return StatementFacts.of(Kind.CREATE_SCHEMA, String.valueOf(s.getSchemaName()))
                    .with(false, s.hasIfNotExists(), false, false);
        }
        if (parsed instanceof Drop d) {
            return StatementFacts.of(Kind.DROP, d.getType().toLowerCase(Locale.ROOT) + " " + d.getName())
                    .with(d.isIfExists(), false, false, false)
                    .on(d.getType().equalsIgnoreCase("TABLE") ? d.getName().getFullyQualifiedName() : "", false);
        }
        if (parsed instanceof Insert i) {
            boolean guarded = i.getConflictAction() != null || i.getSelect() != null
                    && i.getSelect().toString().toUpperCase(Locale.ROOT).contains("NOT EXISTS");
            return StatementFacts.of(Kind.INSERT, i.getTable().getFullyQualifiedName()).guardedBy(guarded)
                    .guardable(guardedForm(i));
        }
        if (parsed instanceof Update u) {
            return StatementFacts.of(Kind.UPDATE, u.getTable().getFullyQualifiedName()).guardedBy(u.getWhere() != null);
        }
        if (parsed instanceof RefreshMaterializedViewStatement r) {
            return StatementFacts.of(Kind.REFRESH, r.getView().getFullyQualifiedName())
                    .with(false, false, false, r.isConcurrently());
        }
        if (parsed instanceof Alter a) {
            List<AlterAction> actions = new ArrayList<>();
            for (AlterExpression e : a.getAlterExpressions()) {
                actions.add(action(e, notValid));
            }
            return StatementFacts.of(Kind.ALTER_TABLE, a.getTable().getFullyQualifiedName()).withActions(actions);
        }
        if (parsed.getClass().getSimpleName().equals("UnsupportedStatement")) {
            return null;
        }
        return StatementFacts.of(Kind.OTHER, "");
    }

    private static AlterAction action(AlterExpression e, boolean notValid) {
        String text = e.toString();
        String upper = text.toUpperCase(Locale.ROOT);
        Matcher column = ACTION_COLUMN.matcher(text);
        String name = e.getColumnName() != null ? e.getColumnName() : column.find() ? column.group(1) : "";
        AlterOperation op = e.getOperation();
        if (op == AlterOperation.ADD && e.getColDataTypeList() != null) {
            String first = e.getColDataTypeList().isEmpty() ? name : e.getColDataTypeList().get(0).getColumnName();
            Matcher key = KEY.matcher(text);
            String declared = key.find() ? key.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ") : "";
            return new AlterAction(ActionKind.ADD_COLUMN, first, e.isUseIfNotExists(), declared, false, text);
        }
        if (op == AlterOperation.ADD) {
            Matcher type = CONSTRAINT_TYPE.matcher(text);
            String constraint = type.find() ? type.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ") : "";
            String constraintName = e.getIndex() != null && e.getIndex().getName() != null ? e.getIndex().getName() : "";
            return new AlterAction(ActionKind.ADD_CONSTRAINT, constraintName, false, constraint, notValid, text);
        }
        if (op == AlterOperation.ALTER && upper.contains(" TYPE ")) {
            return new AlterAction(ActionKind.ALTER_TYPE, name, false, "", false, text);
        }
        if (op == AlterOperation.ALTER && upper.contains("SET NOT NULL")) {
            return new AlterAction(ActionKind.SET_NOT_NULL, name, false, "", false, text);
        }
        if (upper.startsWith("VALIDATE CONSTRAINT")) {
            return new AlterAction(ActionKind.VALIDATE, text.substring("VALIDATE CONSTRAINT".length()).strip(), false, "",
                    false, text);
        }
        if (op == AlterOperation.RENAME || op == AlterOperation.RENAME_TABLE || op == AlterOperation.RENAME_CONSTRAINT
                || op == AlterOperation.RENAME_INDEX) {
            return new AlterAction(ActionKind.RENAME, name, false, "", false, text);
        }
        if (op == AlterOperation.DROP) {
            return new AlterAction(ActionKind.DROP, name, e.isUsingIfExists(), "", false, text);
        }
        return new AlterAction(ActionKind.OTHER, name, false, "", false, text);
    }

    /**
     * {@code INSERT INTO t (a, b) VALUES (1, now())} as {@code INSERT INTO t (a, b) SELECT 1, now() WHERE NOT
     * EXISTS (SELECT 1 FROM t WHERE a = 1)}: the row is matched on the columns set to constants, as a
     * volatile value would never match on the second run. Empty for anything else.
     */
    private static Optional<String> guardedForm(Insert i) {
        if (i.getColumns() == null || !(i.getSelect() instanceof Values v)
                || !(v.getExpressions() instanceof ParenthesedExpressionList<?> row) || row.size() != i.getColumns().size()
                || i.getReturningClause() != null || i.getWithItemsList() != null) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> matches = new ArrayList<>();
        for (int k = 0; k < row.size(); k++) {
            Expression value = (Expression) row.get(k);
            String column = i.getColumns().get(k).getColumnName();
            if (value instanceof Column c && c.getColumnName().equalsIgnoreCase("DEFAULT")) {
                return Optional.empty();
            }
            columns.add(column);
            values.add(value.toString());
            if (value instanceof NullValue) {
                matches.add(column + " IS NULL");
            } else if (constant(value)) {
                matches.add(column + " = " + value);
            }
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        String table = i.getTable().getFullyQualifiedName();
        return Optional.of("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
                + String.join(", ", values) + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE "
                + String.join(" AND ", matches) + ")");
    }

    private static boolean constant(Expression e) {
        return e instanceof StringValue || e instanceof LongValue || e instanceof DoubleValue || e instanceof BooleanValue
                || e instanceof DateValue || e instanceof TimeValue || e instanceof TimestampValue
                || e instanceof SignedExpression s && constant(s.getExpression())
                || e instanceof CastExpression c && c.getLeftExpression() != null && constant(c.getLeftExpression());
    }

    /** Statements JSqlParser cannot read, recognized by their leading words. */
    private static StatementFacts heads(String sql, boolean notValid) {
        Matcher m;
        if ((m = INDEX.matcher(sql)).find()) {
            return StatementFacts.of(Kind.CREATE_INDEX, m.group(4) == null ? "" : m.group(4))
                    .with(false, m.group(3) != null, false, m.group(2) != null).on(m.group(5), m.group(1) != null);
        }
        if ((m = TRIGGER.matcher(sql)).find()) {
            return StatementFacts.of(Kind.CREATE_TRIGGER, m.group(2)).with(false, false, m.group(1) != null, false);
        }
        if ((m = TYPE.matcher(sql)).find()) {
            return StatementFacts.of(Kind.CREATE_TYPE, m.group(1));
        }
        if ((m = EXTENSION.matcher(sql)).find()) {
            return StatementFacts.of(Kind.CREATE_EXTENSION, m.group(2)).with(false, m.group(1) != null, false, false);
        }
        if ((m = SEQUENCE.matcher(sql)).find()) {
            return StatementFacts.of(Kind.CREATE_SEQUENCE, m.group(2)).with(false, m.group(1) != null, false, false);
        }
        if ((m = DROP.matcher(sql)).find()) {
            return StatementFacts.of(Kind.DROP, m.group(3)).with(m.group(2) != null, false, false, m.group(1) != null);
        }
        if ((m = EXCLUSIVE.matcher(sql)).find()) {
            return StatementFacts.of(Kind.EXCLUSIVE_REWRITE, m.group(1).toUpperCase(Locale.ROOT).replaceAll("\\W+", " ").strip());
        }
        if ((m = USING_INDEX.matcher(sql)).find()) {
            return StatementFacts.of(Kind.ALTER_TABLE, m.group(1)).withActions(List.of(new AlterAction(
                    ActionKind.ADD_CONSTRAINT, m.group(2), false, "USING INDEX", notValid, sql)));
        }
        return StatementFacts.unparseable("JSqlParser cannot read it");
    }
}
