package dev.graft.verifier.lint;

import dev.graft.verifier.lint.StatementFacts.Flag;
import dev.graft.verifier.lint.StatementFacts.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * The one adapter over JSqlParser: reads a statement into {@link StatementFacts}. DDL is known by
 * its leading words ({@link StatementHeads}); inserts and updates, whose values and assignments
 * matter, are parsed. A statement neither reads is {@link Kind#UNPARSEABLE}, never an exception.
 */
final class JsqlStatements {

    private static final Pattern LEADING_COMMENTS = Pattern.compile("\\A(\\s*(--[^\\n]*(\\n|\\z)|/\\*.*?\\*/))*\\s*",
            Pattern.DOTALL);

    private JsqlStatements() {
    }

    static StatementFacts read(String statement) {
        String sql = LEADING_COMMENTS.matcher(statement).replaceFirst("").strip();
        Optional<StatementFacts> known = StatementHeads.read(sql);
        if (known.isPresent()) {
            return known.get();
        }
        try {
            Statement parsed = CCJSqlParserUtil.parse(sql);
            if (parsed instanceof Insert i) {
                boolean guarded = i.getConflictAction() != null || i.getSelect() != null
                        && i.getSelect().toString().toUpperCase(Locale.ROOT).contains("NOT EXISTS");
                List<String> columns = i.getColumns() == null ? List.of()
                        : i.getColumns().stream().map(Column::getColumnName).toList();
                return StatementFacts.of(Kind.INSERT, i.getTable().getFullyQualifiedName()).flag(Flag.GUARDED, guarded)
                        .withParts(columns).guardable(guardedForm(i));
            }
            if (parsed instanceof Update u) {
                List<String> columns = new ArrayList<>();
                for (UpdateSet set : u.getUpdateSets()) {
                    set.getColumns().forEach(c -> columns.add(c.getColumnName()));
                }
                return StatementFacts.of(Kind.UPDATE, u.getTable().getFullyQualifiedName())
                        .flag(Flag.GUARDED, u.getWhere() != null).withParts(columns);
            }
            if (!parsed.getClass().getSimpleName().equals("UnsupportedStatement")) {
                return StatementFacts.of(Kind.OTHER, "");
            }
        } catch (Exception | StackOverflowError e) {
            // neither its leading words nor the parser read it
        }
        return StatementFacts.unparseable("neither a known statement head nor readable by JSqlParser");
    }

    /**
     * {@code INSERT INTO t (a, b) VALUES (1, now())} as {@code INSERT INTO t (a, b) SELECT 1, now() WHERE NOT
     * EXISTS (SELECT 1 FROM t WHERE a = 1)}: the row is matched on the columns set to constants, as a
     * volatile value would never match on the second run. Empty for anything else.
     */
    private static Optional<String> guardedForm(Insert i) {
        if (i.getColumns() == null || !(i.getSelect() instanceof Values v)
                || !(v.getExpressions() instanceof ParenthesedExpressionList<?> row) || row.size() != i.getColumns().size()
                || i.getReturningClause() != null || i.getWithItemsList() != null || i.getConflictAction() != null) {
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
}
