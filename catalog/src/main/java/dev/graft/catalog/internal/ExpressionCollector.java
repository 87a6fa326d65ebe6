package dev.graft.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/** Walks a parsed expression for {@link PostgresParser}: columns, calls, subqueries, windows; not a deparser. */
final class ExpressionCollector extends ExpressionVisitorAdapter<Void> {

    /** Words JSqlParser may read as a column that PostgreSQL reads as a constant or a function. */
    private static final Set<String> NOT_COLUMNS = Set.of("true", "false", "null", "default", "current_date",
            "current_time", "current_timestamp", "localtime", "localtimestamp", "current_user", "session_user",
            "user", "current_role", "current_schema", "current_catalog");

    final List<ExpressionFacts.ColumnRef> columns = new ArrayList<>();
    final Set<String> functions = new LinkedHashSet<>();
    final Set<String> calls = new LinkedHashSet<>();
    boolean subquery;
    boolean window;

    /** What {@code e} is at its top; parentheses around one expression are looked through. */
    static ValueShape shape(Expression e) {
        if (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
            return shape(list.get(0));
        }
        if (e instanceof LongValue || e instanceof DoubleValue) {
            return new ValueShape(ValueShape.Form.NUMBER, e.toString());
        }
        if (e instanceof SignedExpression signed && shape(signed.getExpression()).form() == ValueShape.Form.NUMBER) {
            return new ValueShape(ValueShape.Form.NUMBER, e.toString());
        }
        if (e instanceof StringValue string && (string.getPrefix() == null || string.getPrefix().isEmpty())) {
            return new ValueShape(ValueShape.Form.STRING, string.getValue().replace("''", "'"));
        }
        if (e instanceof NullValue) {
            return new ValueShape(ValueShape.Form.NULL, "");
        }
        if (e instanceof CastExpression cast && cast.getColDataType() != null) {
            return new ValueShape(ValueShape.Form.CAST, cast.getColDataType().toString());
        }
        if (e instanceof IntervalExpression) {
            return new ValueShape(ValueShape.Form.CAST, "interval");
        }
        if (e instanceof Column column && column.getTable() == null
                && !NOT_COLUMNS.contains(PostgresParser.identifier(column.getColumnName()))) {
            return new ValueShape(ValueShape.Form.COLUMN, PostgresParser.identifier(column.getColumnName()));
        }
        if (e instanceof BinaryExpression binary && e.getClass().getPackageName().endsWith(".arithmetic")) {
            return new ValueShape(ValueShape.Form.ARITHMETIC, binary.getStringExpression());
        }
        boolean condition = e instanceof BooleanValue || e instanceof NotExpression
                || e instanceof AndExpression || e instanceof OrExpression || e instanceof XorExpression
                || (e.getClass().getPackageName().endsWith(".relational") && !(e instanceof ExpressionList<?>));
        return condition ? new ValueShape(ValueShape.Form.CONDITION, "") : ValueShape.OTHER;
    }

    @Override
    public <S> Void visit(Column column, S context) {
        String name = PostgresParser.identifier(column.getColumnName());
        if (column.getTable() == null && NOT_COLUMNS.contains(name)) {
            functions.add(name);
            return null;
        }
        Optional<String> qualifier = Optional.ofNullable(column.getTable())
                .map(t -> t.getName()).filter(t -> !t.isEmpty()).map(PostgresParser::identifier);
        columns.add(new ExpressionFacts.ColumnRef(qualifier, name));
        return null;
    }

    @Override
    public <S> Void visit(Function function, S context) {
        String name = function.getName() == null ? "" : function.getName();
        int dot = name.lastIndexOf('.');
        String plain = PostgresParser.identifier(dot < 0 ? name : name.substring(dot + 1));
        functions.add(plain);
        if (dot < 0 || PostgresParser.identifier(name.substring(0, dot)).equals("pg_catalog")) {
            calls.add(plain);
        }
        return super.visit(function, context);
    }

    @Override
    public <S> Void visit(AnalyticExpression analytic, S context) {
        window = true;
        String name = analytic.getName() == null ? "" : PostgresParser.identifier(analytic.getName());
        functions.add(name);
        calls.add(name);
        return super.visit(analytic, context);
    }

    @Override
    public <S> Void visit(TimeKeyExpression key, S context) {
        functions.add(key.getStringValue().toLowerCase(Locale.ROOT).replace("()", ""));
        return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        subquery = true;
        return null;
    }

    @Override
    public <S> Void visit(Select select, S context) {
        subquery = true;
        return null;
    }
}
