package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One element of an exclusion constraint: {@code {column | expression, operator}}, as in
 * {@code EXCLUDE USING gist (room WITH =, during WITH &&)}.
 *
 * @param location   where the element is written
 * @param column     the column, or empty for an expression
 * @param expression the expression, deterministic, or empty for a column
 * @param operator   the operator rows must not all satisfy pairwise ({@code =}, {@code &&})
 */
public record ExclusionElement(Location location, Optional<String> column, Optional<Expression> expression,
        String operator) {

    private static final Pattern OPERATOR = Pattern.compile("[-+*/<>=~!@#%^&|`?]{1,63}");

    public ExclusionElement {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(column, "column == null");
        Objects.requireNonNull(expression, "expression == null");
        Objects.requireNonNull(operator, "operator == null");
    }

    static ExclusionElement read(Fields in) {
        Optional<String> column = in.optionalName("column");
        Optional<Expression> expression = in.optionalExpression("expression", true);
        if (column.isEmpty() == expression.isEmpty()) {
            if (column.isEmpty()) {
                in.needs("column", "or \"expression\"");
            } else {
                in.conflict("column", "expression");
            }
        }
        String operator = in.string("operator");
        if (!operator.isEmpty() && !OPERATOR.matcher(operator).matches()) {
            in.problems().report(in.at("operator"), ProblemCode.CONSTRAINT_OPTION, "\"operator\" must be an operator"
                    + " such as = or &&, found \"" + operator + "\"");
        }
        return new ExclusionElement(in.location(), column, expression, operator);
    }

    YamlOut write() {
        return YamlOut.map().put("column", column).putExpression("expression", expression).put("operator", operator);
    }
}
