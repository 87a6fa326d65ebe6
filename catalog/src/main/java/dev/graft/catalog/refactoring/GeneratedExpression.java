package dev.graft.catalog.refactoring;

import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.Node;
import dev.graft.catalog.internal.YamlOut;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code generated: {expression, stored}} of a new column: {@code GENERATED ALWAYS AS (expression)
 * STORED}, or with {@code stored: false} PostgreSQL 18's {@code VIRTUAL} (computed when read).
 * {@code generated: "expression"} is accepted for a stored one. The expression is deterministic
 * and names only other, non-generated columns of the same row.
 *
 * @param expression the value of the column, over the row
 * @param stored     {@code true} (the default) for STORED, {@code false} for VIRTUAL
 */
public record GeneratedExpression(Expression expression, boolean stored) {

    public GeneratedExpression {
        Objects.requireNonNull(expression, "expression == null");
    }

    /** {@code GENERATED ALWAYS AS (expression) STORED}. */
    public String sql() {
        return "GENERATED ALWAYS AS (" + expression.sql() + ") " + (stored ? "STORED" : "VIRTUAL");
    }

    static Optional<GeneratedExpression> read(Fields in, String key) {
        Optional<Node> node = in.node(key);
        if (node.isPresent() && node.get() instanceof Node.MapNode) {
            return in.optionalObject(key, g -> new GeneratedExpression(g.expression("expression", true),
                    g.flag("stored", true)));
        }
        return in.optionalExpression(key, true).map(e -> new GeneratedExpression(e, true));
    }

    YamlOut write() {
        YamlOut out = YamlOut.map().put("expression", expression);
        return stored ? out : out.put("stored", false);
    }
}
