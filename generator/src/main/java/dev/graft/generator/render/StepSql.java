package dev.graft.generator.render;

import static dev.graft.generator.plan.SqlIdentifier.inSchema;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.generator.plan.Dollar;
import dev.graft.generator.plan.PgCatalog;
import dev.graft.generator.plan.Step;
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
            return List.of(CLIENT_CHECK, BackfillBlock.render(b));
        } else if (step instanceof Step.Outside o) {
            return List.of(o.sql() + ";");
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
}
