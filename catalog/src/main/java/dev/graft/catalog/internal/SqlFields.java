package dev.graft.catalog.internal;

import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.refactoring.Expression;
import dev.graft.catalog.refactoring.SqlScript;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL a map holds: types, expressions (checked by the parser unless YAML cut them at a comma,
 * which is reported once, as such) and scripts.
 */
final class SqlFields {

    private final Fields in;

    SqlFields(Fields in) {
        this.in = in;
    }

    String type(String key, boolean columnDefinition) {
        String type = in.string(key);
        if (!in.has(key)) {
            return type;
        }
        if (in.cutAtComma(key).isEmpty()) {
            SqlTypes.problem(type, columnDefinition).ifPresent(why -> in.problems().report(in.at(key),
                    ProblemCode.INVALID_TYPE,
                    "invalid type \"" + type + "\" for \"" + key + "\"" + why));
        }
        return type.trim();
    }

    Expression expression(String key, boolean deterministic) {
        String text = in.string(key);
        Expression expression = new Expression(text, in.at(key));
        if (in.node(key).filter(Node.ScalarNode.class::isInstance).isPresent()) {
            checkExpression(key, expression, deterministic);
        }
        return expression;
    }

    Optional<Expression> optionalExpression(String key, boolean deterministic) {
        return in.optionalString(key).map(text -> {
            Expression expression = new Expression(text, in.at(key));
            checkExpression(key, expression, deterministic);
            return expression;
        });
    }

    void checkExpression(String key, Expression expression, boolean deterministic) {
        if (in.cutAtComma(key).isEmpty()) {
            Expressions.checkSyntax(key, expression, deterministic, in.problems());
        }
    }

    SqlScript script(String key) {
        return new SqlScript(in.string(key), in.at(key));
    }

    Optional<SqlScript> optionalScript(String key) {
        return in.optionalString(key).map(text -> new SqlScript(text, in.at(key)));
    }

    Map<String, Expression> expressions(String key, boolean deterministic) {
        Optional<Node> value = in.required(key);
        Map<String, Expression> result = new LinkedHashMap<>();
        if (value.isEmpty()) {
            return result;
        }
        if (!(value.get() instanceof Node.MapNode m)) {
            in.wrongType(key, "a map of column to expression", value.get());
            return result;
        }
        Fields inner = new Fields(m, key, in.problems());
        for (Node.Entry entry : m.entries()) {
            in.checkName(key, entry.key(), entry.keyLocation());
            result.put(entry.key(), inner.expression(entry.key(), deterministic));
        }
        if (inner.broken()) {
            in.markBroken();
        }
        return result;
    }
}
