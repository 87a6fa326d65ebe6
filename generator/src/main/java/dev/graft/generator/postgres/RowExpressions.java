package dev.graft.generator.postgres;

import static dev.graft.generator.plan.SqlIdentifier.quote;

import dev.graft.catalog.refactoring.TableName;
import dev.graft.generator.plan.SqlIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The catalog's expressions over a row, evaluated in a trigger function on {@code NEW}. The
 * expressions name the row's columns bare, so they run where those names mean the row's values:
 * a nested block declares one variable per column they may read (its name a column name, its
 * value the field of {@code NEW} the scope maps it to), and each expression is assigned to its
 * variable as a plpgsql simple expression: no query through SPI, no executor start per row, which
 * is what a {@code SELECT ... INTO ... FROM (SELECT NEW."a" AS "a") AS graft_row} costs. A subquery
 * inside an expression sees the same names; the function's {@code #variable_conflict use_column}
 * gives a column of the subquery's own tables the priority SQL scoping gives it.
 *
 * <p>A scope with a name that would hide what the block itself reads ({@code new}, {@code old},
 * {@code found}, {@code tg_*}, {@code graft_*}) keeps the query form.
 *
 * @param table the table whose column types the variables take
 * @param scope row column name to the field of {@code NEW} it reads
 */
record RowExpressions(TableName table, Map<String, String> scope) {

    /** The directive the function must start with for {@link #assign} blocks. */
    static final String DIRECTIVE = "#variable_conflict use_column\n";

    private static final Set<String> HIDING = Set.of("new", "old", "found");

    /**
     * {@code target} variables (or fields) each given its expression, indented by {@code indent};
     * {@code expressions.get(i)} goes to {@code targets.get(i)}.
     */
    String assign(List<String> expressions, List<String> targets, String indent) {
        if (scope.keySet().stream().anyMatch(RowExpressions::hides)) {
            return indent + select(expressions, targets) + "\n";
        }
        String text = String.join("\n", expressions).toLowerCase(Locale.ROOT);
        List<String> declared = new ArrayList<>();
        scope.forEach((name, field) -> {
            if (text.contains(name.toLowerCase(Locale.ROOT))) {
                declared.add(indent + "  " + quote(name) + " " + SqlIdentifier.table(table) + "." + quote(field)
                        + "%TYPE := NEW." + quote(field) + ";\n");
            }
        });
        StringBuilder b = new StringBuilder();
        if (!declared.isEmpty()) {
            b.append(indent).append("DECLARE\n");
            declared.forEach(b::append);
        }
        b.append(indent).append("BEGIN\n");
        for (int i = 0; i < expressions.size(); i++) {
            b.append(indent).append("  ").append(targets.get(i)).append(" := (").append(expressions.get(i)).append(");\n");
        }
        return b.append(indent).append("END;\n").toString();
    }

    private static boolean hides(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return HIDING.contains(lower) || lower.startsWith("tg_") || lower.startsWith("graft_");
    }

    /** SELECT (e1), (e2) INTO v1, v2 FROM (SELECT NEW."a" AS "a", ...) AS graft_row; */
    private String select(List<String> expressions, List<String> targets) {
        String values = expressions.stream().map(e -> "(" + e + ")").collect(Collectors.joining(", "));
        String fields = scope.entrySet().stream().map(e -> "NEW." + quote(e.getValue()) + " AS " + quote(e.getKey()))
                .collect(Collectors.joining(", "));
        return "SELECT " + values + " INTO " + String.join(", ", targets) + " FROM (SELECT " + fields + ") AS graft_row;";
    }
}
