package dev.graft.generator.render;

import static dev.graft.generator.plan.SqlIdentifier.table;

import dev.graft.generator.plan.BackfillClaim;
import dev.graft.generator.plan.Step;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The statements of a batched backfill run from Java: the row counts, the first batch and every
 * next batch (after the last key of the previous one, bound as parameters). Each batch
 * statement returns one row, unless the table is exhausted: rows updated, rows walked, the last
 * key as text, and for a claimed backfill the quoted comment that records that key.
 *
 * @param count    SELECT count(*), and how many rows lie up to the key bound as parameters 1..n
 * @param first    the first batch
 * @param next     a batch after the key bound as parameters 1..n
 * @param finished for a claimed backfill, a query whether it has finished already; else empty
 * @param claim    the session-level claim, a DO block; else empty
 * @param done     the statement that marks it finished; else empty
 * @param release  the statement that releases the claim; else empty
 * @param resume   for a claimed backfill, a query of the last key an earlier run committed (a text
 *                 array, NULL if none); else empty
 * @param mark     for a claimed backfill, the statement recording the last key, without the quoted
 *                 comment each batch returns; else empty
 */
record BackfillSql(String count, String first, String next, String finished, String claim, String done, String release,
        String resume, String mark) {

    static BackfillSql of(Step.Backfill b) {
        Optional<BackfillClaim> c = b.claim();
        List<String> keys = StepSql.keyColumns(b);
        String order = String.join(", ", keys);
        String descending = keys.stream().map(k -> k + " DESC").collect(Collectors.joining(", "));
        String parameters = "ROW(" + keys.stream().map(k -> "?").collect(Collectors.joining(", ")) + ")";
        String after = "ROW(" + order + ") > " + parameters;
        return new BackfillSql("SELECT count(*), count(*) FILTER (WHERE ROW(" + order + ") <= " + parameters + ") FROM "
                + table(b.table()), batch(b, "", order, descending), batch(b, " WHERE " + after, order, descending),
                c.map(x -> "SELECT coalesce(" + x.finished() + ", false)").orElse(""),
                c.map(x -> StepSql.doBlock(x.declarations(), x.sessionLock())).orElse(""),
                c.map(BackfillClaim::markDone).orElse(""), c.map(BackfillClaim::unlock).orElse(""),
                c.map(x -> "SELECT " + x.resumeKey()).orElse(""), c.map(BackfillClaim::commentOn).orElse(""));
    }

    private static String batch(Step.Backfill b, String where, String order, String descending) {
        String text = b.key().size() == 1 ? StepSql.keyColumns(b).get(0) + "::text"
                : StepSql.keyColumns(b).stream().map(k -> k + "::text").collect(Collectors.joining(", "));
        String marker = b.claim().map(x -> ", " + x.progressLiteral("ARRAY[" + text + "]::text")).orElse("");
        return "WITH graft_batch AS (SELECT " + order + " FROM " + table(b.table()) + where + " ORDER BY " + order
                + " LIMIT " + b.batchSize() + "), graft_updated AS (" + StepSql.update(b).replace("\n      ", " ")
                + " RETURNING 1) SELECT (SELECT count(*) FROM graft_updated), (SELECT count(*) FROM graft_batch), "
                + text + marker + " FROM graft_batch ORDER BY " + descending + " LIMIT 1";
    }
}
