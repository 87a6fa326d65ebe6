package dev.graft.generator.render;

import static dev.graft.generator.plan.SqlIdentifier.inSchema;
import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.generator.plan.Dollar;
import dev.graft.generator.plan.PgCatalog;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The SQL text of steps: as top-level statements of a script, or inside a PL/pgSQL block. */
public final class StepSql {

    private StepSql() { }

    /** The statements of one step, each complete with its semicolon, in order. */
    public static List<String> statements(Step step) {
        if (step instanceof Step.Statement s) {
            return List.of(s.sql() + ";");
        } else if (step instanceof Step.Guarded g) {
            return List.of(doBlock("", inBlock(g)));
        } else if (step instanceof Step.Block b) {
            return List.of(doBlock(b.declarations(), b.body()));
        } else if (step instanceof Step.ConcurrentIndex c) {
            return List.of(doBlock("", "  IF " + PgCatalog.indexInvalid(c.table(), c.name()) + " THEN\n    DROP INDEX "
                    + inSchema(c.table(), c.name()) + ";\n  END IF;\n"), c.create() + ";");
        } else if (step instanceof Step.Backfill b) {
            return List.of(backfill(b));
        } else if (step instanceof Step.Script s) {
            String script = s.sql().strip();
            return List.of(script.endsWith(";") ? script : script + ";");
        } else {
            Step.Atomic a = (Step.Atomic) step;
            return List.of(doBlock("", a.steps().stream().map(StepSql::inBlock).collect(Collectors.joining())));
        }
    }

    /** The step as PL/pgSQL statements, indented by two spaces. */
    static String inBlock(Step step) {
        if (step instanceof Step.Statement s) {
            return "  " + s.sql() + ";\n";
        } else if (step instanceof Step.Guarded g) {
            return "  IF " + g.condition() + " THEN\n    " + g.sql() + ";\n  END IF;\n";
        } else if (step instanceof Step.Block b) {
            return (b.declarations().isEmpty() ? "" : "  DECLARE\n" + b.declarations()) + "  BEGIN\n" + b.body()
                    + "  END;\n";
        }
        throw new IllegalArgumentException(step.getClass().getSimpleName() + " cannot run in a block");
    }

    static String doBlock(String declarations, String body) {
        String code = "\n" + (declarations.isEmpty() ? "" : "DECLARE\n" + declarations) + "BEGIN\n" + body + "END\n";
        return "DO " + Dollar.quote(code) + ";";
    }

    /** {@code ("id")} or {@code ("a", "b")}. */
    static String key(Step.Backfill b) {
        return "(" + b.key().stream().map(k -> quote(k)).collect(Collectors.joining(", ")) + ")";
    }

    /** {@code UPDATE ... SET ... WHERE key IN (SELECT key FROM graft_batch) AND pending}. */
    static String update(Step.Backfill b) {
        return "UPDATE " + table(b.table()) + " SET "
                + b.assignments().stream().map(a -> quote(a.column()) + " = " + a.expression())
                .collect(Collectors.joining(", "))
                + "\n      WHERE " + key(b) + " IN (SELECT " + String.join(", ", keyColumns(b)) + " FROM graft_batch)"
                + " AND (" + b.pending() + ")";
    }

    static List<String> keyColumns(Step.Backfill b) {
        return b.key().stream().map(k -> quote(k)).toList();
    }

    static String setMode(Step.Backfill b, String value) {
        return "SELECT pg_catalog.set_config('graft.backfill', " + literal(value) + ", true)";
    }

    private static String backfill(Step.Backfill b) {
        List<String> keys = keyColumns(b);
        String order = String.join(", ", keys);
        String descending = keys.stream().map(k -> k + " DESC").collect(Collectors.joining(", "));
        List<String> variables = new ArrayList<>();
        StringBuilder declarations = new StringBuilder("  graft_first boolean := true;\n");
        for (int i = 0; i < b.key().size(); i++) {
            variables.add("graft_key_" + (i + 1));
            declarations.append("  graft_key_").append(i + 1).append(' ').append(table(b.table())).append('.')
                    .append(quote(b.key().get(i))).append("%TYPE;\n");
        }
        StringBuilder body = new StringBuilder();
        b.mode().ifPresent(m -> body.append("  PERFORM pg_catalog.set_config('graft.backfill', ").append(literal(m))
                .append(", true);\n"));
        body.append("  LOOP\n    WITH graft_batch AS (\n      SELECT ").append(order).append(" FROM ")
                .append(table(b.table())).append("\n      WHERE graft_first OR ROW(").append(order).append(") > ROW(")
                .append(String.join(", ", variables)).append(")\n      ORDER BY ").append(order).append(" LIMIT ")
                .append(b.batchSize()).append("\n    ), graft_updated AS (\n      ").append(update(b))
                .append("\n      RETURNING 1\n    )\n    SELECT ").append(order).append(" INTO ")
                .append(String.join(", ", variables)).append(" FROM graft_batch ORDER BY ").append(descending)
                .append(" LIMIT 1;\n    EXIT WHEN NOT FOUND;\n    graft_first := false;\n  END LOOP;\n");
        b.mode().ifPresent(m -> body.append("  PERFORM pg_catalog.set_config('graft.backfill', '', true);\n"));
        return doBlock(declarations.toString(), body.toString());
    }
}
