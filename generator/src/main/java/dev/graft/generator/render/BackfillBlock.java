package dev.graft.generator.render;

import static dev.graft.generator.plan.SqlIdentifier.literal;
import static dev.graft.generator.plan.SqlIdentifier.quote;
import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.generator.plan.BackfillClaim;
import dev.graft.generator.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A backfill as one {@code DO} block whose loop commits after every batch, so no row lock is held
 * longer than one batch: the file runs outside a transaction ({@code executeInTransaction=false},
 * {@code psql -f}). What a commit ends is set again in each transaction: the {@code graft.backfill}
 * setting; the claim is a session-level advisory lock, released at the end (and by the server when
 * the session ends). A claimed backfill commits its last key with each batch into its marker
 * comment and resumes after it; progress (rows walked, rate, ETA) is raised as a notice at most
 * every {@value #REPORT_SECONDS} seconds. Batches commit with {@code synchronous_commit} off: a
 * crash loses the last few batches together with their marker, and the next run does them again.
 */
final class BackfillBlock {

    /** Seconds between two progress notices. */
    static final int REPORT_SECONDS = 5;

    /** The message of a progress notice: table, walked, total, updated, rows/s, ETA in seconds. */
    static final String PROGRESS = "graft: backfill %: %/% rows walked, % updated, % rows/s, ETA % s";

    /** The message once done: table, rows walked, of them by this run, updated by this run. */
    static final String DONE = "graft: backfill %: done, % rows walked, % by this run, % updated";

    private BackfillBlock() { }

    /** The {@code DO} statement. */
    static String render(Step.Backfill b) {
        List<String> keys = StepSql.keyColumns(b);
        List<String> variables = new ArrayList<>();
        StringBuilder declarations = new StringBuilder();
        for (int i = 0; i < b.key().size(); i++) {
            variables.add("graft_key_" + (i + 1));
            declarations.append("  graft_key_").append(i + 1).append(' ').append(table(b.table())).append('.')
                    .append(quote(b.key().get(i))).append("%TYPE;\n");
        }
        declarations.append("""
                  graft_resume text[];
                  graft_rows bigint;
                  graft_changed bigint;
                  graft_total bigint;
                  graft_walked bigint := 0;
                  graft_resumed bigint := 0;
                  graft_updated bigint := 0;
                  graft_started timestamptz := pg_catalog.clock_timestamp();
                  graft_reported timestamptz := pg_catalog.clock_timestamp();
                  graft_rate numeric;
                """);
        Optional<BackfillClaim> claim = b.claim();
        String keyText = "ARRAY[" + variables.stream().map(v -> v + "::text").collect(Collectors.joining(", "))
                + "]::text";
        StringBuilder body = new StringBuilder();
        claim.ifPresent(c -> body.append("  IF ").append(c.finished()).append(" THEN\n    RETURN;\n  END IF;\n")
                .append(StepSql.inBlock(new Step.Block(c.declarations(), c.sessionLock())))
                .append("  graft_resume := ").append(c.resumeKey()).append(";\n"));
        for (int i = 0; i < variables.size(); i++) {
            body.append("  ").append(variables.get(i)).append(" := graft_resume[").append(i + 1).append("];\n");
        }
        String walkedBefore = "ROW(" + String.join(", ", keys) + ") <= ROW(" + String.join(", ", variables) + ")";
        body.append("  SELECT count(*), count(*) FILTER (WHERE ").append(walkedBefore)
                .append(") INTO graft_total, graft_resumed FROM ").append(table(b.table())).append(";\n")
                .append("  graft_walked := graft_resumed;\n  COMMIT;\n  LOOP\n")
                .append("    PERFORM pg_catalog.set_config('synchronous_commit', 'off', true);\n");
        b.mode().ifPresent(m -> body.append("    ").append(setMode(m)).append(";\n"));
        body.append("    IF ").append(variables.get(0)).append(" IS NULL THEN\n")
                .append(batch(b, keys, variables, "      ", ""))
                .append("    ELSE\n")
                .append(batch(b, keys, variables, "      ", "\n      WHERE ROW(" + String.join(", ", keys)
                        + ") > ROW(" + String.join(", ", variables) + ")"))
                .append("    END IF;\n    EXIT WHEN NOT FOUND;\n")
                .append("    graft_walked := graft_walked + graft_rows;\n")
                .append("    graft_updated := graft_updated + graft_changed;\n");
        claim.ifPresent(c -> body.append("    ").append(c.markProgress(keyText)).append(";\n"));
        body.append("    COMMIT;\n")
                .append("    IF pg_catalog.clock_timestamp() >= graft_reported + interval '").append(REPORT_SECONDS)
                .append(" seconds' THEN\n")
                .append("      graft_reported := pg_catalog.clock_timestamp();\n")
                .append("      graft_rate := (graft_walked - graft_resumed) / greatest(1e-6, extract(epoch FROM"
                        + " graft_reported - graft_started));\n")
                .append("      RAISE NOTICE ").append(literal(PROGRESS)).append(", ").append(literal(b.table().toString()))
                .append(", graft_walked, graft_total, graft_updated, round(graft_rate),\n")
                .append("        round(greatest(0, graft_total - graft_walked) / greatest(graft_rate, 1e-6));\n")
                .append("    END IF;\n  END LOOP;\n");
        b.mode().ifPresent(m -> body.append("  ").append(setMode("")).append(";\n"));
        claim.ifPresent(c -> body.append("  ").append(c.markDone()).append(";\n  COMMIT;\n")
                .append("  ").append(c.unlock().replaceFirst("^SELECT ", "PERFORM ")).append(";\n"));
        body.append("  RAISE NOTICE ").append(literal(DONE)).append(", ").append(literal(b.table().toString()))
                .append(", graft_walked, graft_walked - graft_resumed, graft_updated;\n");
        return StepSql.doBlock(declarations.toString(), body.toString());
    }

    /** Sets {@code graft.backfill} for the transaction: a commit ends it. */
    private static String setMode(String value) {
        return "PERFORM pg_catalog.set_config('graft.backfill', " + literal(value) + ", true)";
    }

    /**
     * One batch: the next keys after {@code after}, their rows updated, the last key kept with the
     * rows walked and updated; sets FOUND.
     */
    private static String batch(Step.Backfill b, List<String> keys, List<String> variables, String indent,
            String after) {
        String order = String.join(", ", keys);
        String descending = keys.stream().map(k -> k + " DESC").collect(Collectors.joining(", "));
        return indent + "WITH graft_batch AS (\n" + indent + "  SELECT " + order + " FROM " + table(b.table())
                + after.replace("\n      ", "\n" + indent + "  ") + "\n" + indent + "  ORDER BY " + order + " LIMIT "
                + b.batchSize() + "\n" + indent + "), graft_updated AS (\n" + indent + "  "
                + StepSql.update(b).replace("\n      ", "\n" + indent + "  ") + "\n" + indent + "  RETURNING 1\n"
                + indent + ")\n" + indent + "SELECT " + order + ", (SELECT count(*) FROM graft_batch),"
                + " (SELECT count(*) FROM graft_updated)\n" + indent + "  INTO " + String.join(", ", variables)
                + ", graft_rows, graft_changed FROM graft_batch ORDER BY " + descending + " LIMIT 1;\n";
    }
}
