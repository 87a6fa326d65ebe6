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

    /**
     * A DO block does not stop when its client goes away: without this setting (PostgreSQL 14 on)
     * a killed {@code psql} leaves its backfill running on the server, holding its locks. Set for
     * the session, as the server arms the check when a statement starts.
     */
    static final String CLIENT_CHECK = doBlock("", "  IF pg_catalog.current_setting('server_version_num')::integer >= 140000"
            + "\n      AND pg_catalog.current_setting('client_connection_check_interval') = '0' THEN\n"
            + "    PERFORM pg_catalog.set_config('client_connection_check_interval', '1s', false);\n  END IF;\n");

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
            return List.of(CLIENT_CHECK, backfill(b));
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

    /**
     * {@code UPDATE ... SET ... WHERE key = ANY (ARRAY(SELECT key FROM graft_batch)) AND pending}.
     * A single-column key is matched as an array, which the planner looks up in the key's index
     * whatever it estimates of {@code pending}: as a semi-join, a {@code pending} it believes
     * selective (IS NULL on columns just added, without statistics) made it scan the whole table
     * once per batch.
     */
    static String update(Step.Backfill b) {
        List<String> keys = keyColumns(b);
        String batch = keys.size() == 1 ? keys.get(0) + " = ANY (ARRAY(SELECT " + keys.get(0) + " FROM graft_batch))"
                : key(b) + " IN (SELECT " + String.join(", ", keys) + " FROM graft_batch)";
        return "UPDATE " + table(b.table()) + " SET "
                + b.assignments().stream().map(a -> quote(a.column()) + " = " + a.expression())
                .collect(Collectors.joining(", "))
                + "\n      WHERE " + batch + " AND (" + b.pending() + ")";
    }

    static List<String> keyColumns(Step.Backfill b) {
        return b.key().stream().map(k -> quote(k)).toList();
    }

    static String setMode(Step.Backfill b, String value) {
        return "SELECT pg_catalog.set_config('graft.backfill', " + literal(value) + ", true)";
    }

    /**
     * The key-batched walk. The first batch and the following ones are separate statements: a
     * single one with {@code first OR key > last} cannot use the key's index, and every batch would
     * read the whole table (quadratic in its size).
     */
    private static String backfill(Step.Backfill b) {
        List<String> keys = keyColumns(b);
        List<String> variables = new ArrayList<>();
        StringBuilder declarations = new StringBuilder();
        for (int i = 0; i < b.key().size(); i++) {
            variables.add("graft_key_" + (i + 1));
            declarations.append("  graft_key_").append(i + 1).append(' ').append(table(b.table())).append('.')
                    .append(quote(b.key().get(i))).append("%TYPE;\n");
        }
        StringBuilder body = new StringBuilder();
        b.claim().ifPresent(c -> body.append("  IF ").append(c.finished()).append(" THEN\n    RETURN;\n  END IF;\n")
                .append(inBlock(c.lockStep())));
        b.mode().ifPresent(m -> body.append("  PERFORM pg_catalog.set_config('graft.backfill', ").append(literal(m))
                .append(", true);\n"));
        body.append(batch(b, keys, variables, "  ", ""))
                .append("  WHILE FOUND LOOP\n")
                .append(batch(b, keys, variables, "    ", "\n      WHERE ROW(" + String.join(", ", keys) + ") > ROW("
                        + String.join(", ", variables) + ")"))
                .append("  END LOOP;\n");
        b.mode().ifPresent(m -> body.append("  PERFORM pg_catalog.set_config('graft.backfill', '', true);\n"));
        b.claim().ifPresent(c -> body.append("  ").append(c.markDone()).append(";\n"));
        return doBlock(declarations.toString(), body.toString());
    }

    /** One batch: the next keys after {@code after}, their rows updated, the last key kept; sets FOUND. */
    private static String batch(Step.Backfill b, List<String> keys, List<String> variables, String indent,
            String after) {
        String order = String.join(", ", keys);
        String descending = keys.stream().map(k -> k + " DESC").collect(Collectors.joining(", "));
        return indent + "WITH graft_batch AS (\n" + indent + "  SELECT " + order + " FROM " + table(b.table())
                + after.replace("\n      ", "\n" + indent + "  ") + "\n" + indent + "  ORDER BY " + order + " LIMIT "
                + b.batchSize() + "\n" + indent + "), graft_updated AS (\n" + indent + "  "
                + update(b).replace("\n      ", "\n" + indent + "  ") + "\n" + indent + "  RETURNING 1\n" + indent
                + ")\n" + indent + "SELECT " + order + " INTO " + String.join(", ", variables)
                + " FROM graft_batch ORDER BY " + descending + " LIMIT 1;\n";
    }
}
