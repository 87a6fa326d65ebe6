package dev.graft.benchmarks.online;

import java.util.List;
import java.util.Locale;

/** {@code online.md}: the three measurements as Markdown tables, with the targets of issue 20 beside them. */
final class OnlinePage {

    static final String COMMAND = "mvn -B -q -DskipTests -Pbenchmark -pl benchmarks -am verify"
            + " -Dbenchmark.main=dev.graft.benchmarks.online.OnlineBenchmark";

    private static final double OVERHEAD_TARGET = 1.3;
    private static final double WAIT_TARGET_MS = 100;
    private static final double RATE_TARGET = 50_000;

    private OnlinePage() {
    }

    static String render(OnlineBenchmark.Results r, OnlineSettings s) {
        StringBuilder out = new StringBuilder();
        OnlineBenchmark.Environment e = r.environment();
        String shape = r.backfills().stream().filter(b -> b.way().equals("Graft")).map(BackfillComparison.Run::shape)
                .findFirst().orElse("?");
        out.append("# Online safety: what a migration does to a running application\n\n");
        out.append(f("`OnlineBenchmark`, %s, %d cores, one run; embedded PostgreSQL %s (branch engine defaults: fsync,"
                + " synchronous_commit and full_page_writes off). Load average (1/5/15 min) %s at the start, %s at the end;"
                + " the run took %.1f min. Graft's migrations were generated at run time from catalog YAML by the"
                + " generator of this build and applied with Flyway; its backfill ran as: **%s**.\n\n", e.date(), e.cores(),
                e.postgres(), e.loadBefore(), e.loadAfter(), e.minutes(), shape));
        if (shape.equals(GraftShape.ONE_TRANSACTION)) {
            out.append("**Measured before the per-batch-commit change** (issue 20): the generated SQL file runs in one"
                    + " Flyway transaction, so the expand's `ALTER TABLE ... ADD COLUMN` keeps its ACCESS EXCLUSIVE lock,"
                    + " and the batches keep their row locks, until the whole backfill commits. Re-run after that change"
                    + " is merged.\n\n");
        }
        out.append("Re-run: `").append(COMMAND).append("` (add `-Donline.rows=100000` for a smaller run; knobs"
                + " `online.writers`, `online.rate`, `online.triggerRows`, `online.overheadSeconds`,"
                + " `online.baselineSeconds`).\n\n");
        out.append(overhead(r.overhead(), s));
        backfills(out, r.backfills(), s);
        inventory(out, r.inventory(), s);
        return out.toString();
    }

    /** The trigger overhead section. */
    static String overhead(TriggerOverhead.Result o, OnlineSettings s) {
        StringBuilder out = new StringBuilder();
        out.append(f("## Transition trigger write overhead\n\nSingle-row writes per second on `inventory` (%,d rows),"
                + " %d connections as fast as they go, autocommit, two alternating rounds of %.0f s per side: without a"
                + " trigger, and with the `split_column` expand applied (its transition trigger installed and the"
                + " backfill done). Writes go through the old shape (`inventory_code`).\n\n", s.triggerRows(), s.writers(),
                s.overheadSeconds()));
        out.append("| write | no trigger, writes/s | with trigger, writes/s | ratio | target |\n|---|--:|--:|--:|---|\n");
        out.append(f("| UPDATE by key | %,.0f | %,.0f | %.2fx | ≤ 1.3x: %s |\n", o.updatesWithout(), o.updatesWith(),
                o.updateRatio(), met(o.updateRatio() <= OVERHEAD_TARGET)));
        out.append(f("| INSERT | %,.0f | %,.0f | %.2fx | ≤ 1.3x: %s |\n\n", o.insertsWithout(), o.insertsWith(),
                o.insertRatio(), met(o.insertRatio() <= OVERHEAD_TARGET)));
        out.append(f("Trigger installed while measured: %s; rows inserted through the old shape with it: %,d, of which"
                + " %,d got the new shape from it; failed statements: %d.\n\n", o.triggerInstalled() ? "yes" : "no",
                o.insertsWithTrigger(), o.insertsSynced(), o.errors()));
        return out.toString();
    }

    private static void backfills(StringBuilder out, List<BackfillComparison.Run> runs, OnlineSettings s) {
        out.append(f("## Backfill under a writer workload\n\nEach migration on a fresh branch of a parent of that many"
                + " rows, while %d connections update random keys through the old shape at %.0f statements/s each"
                + " (%.0f/s in all, fixed rate, autocommit). Writer latency is each statement's time seen by the client."
                + " \"Graft\" is the generated V2 applied by Flyway; \"naive\" is `ALTER TABLE ... ADD COLUMN` and one"
                + " `UPDATE` of the whole table (split), or `ALTER TABLE ... ALTER COLUMN qty TYPE bigint` (type"
                + " change). rows/s is rows over the migration's wall time. A writer blocked once for seconds is one"
                + " statement of thousands, so it shows in \"max\", not in \"p99\"; \"p99 from schedule\" times each"
                + " statement from when it was due, so the statements the blocked writers could not send count too.\n\n", s.writers(), s.ratePerWriter(),
                s.writers() * s.ratePerWriter()));
        out.append("| rows | refactoring | way | migration s | rows/s | writer statements | writer max ms | writer p99 ms"
                + " | p99 from schedule ms | p99 before ms | errors |\n|--:|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (BackfillComparison.Run r : runs) {
            out.append(f("| %,d | %s | %s | %.2f | %,.0f | %,d | %,.0f | %.1f | %,.1f | %.1f | %d |\n", r.rows(),
                    r.refactoring().label, r.way(), r.seconds(), r.rowsPerSecond(), r.during().statements(),
                    r.during().maxMillis(), r.during().p99Millis(), r.during().p99FromScheduleMillis(),
                    r.before().p99Millis(), r.during().errors()));
        }
        out.append("\nAgainst the targets (Graft: no writer waiting more than 100 ms, at least 50,000 rows/s):\n\n");
        for (BackfillComparison.Run r : runs) {
            if (!r.way().equals("Graft")) {
                continue;
            }
            BackfillComparison.Run naive = runs.stream().filter(n -> n.way().equals("naive") && n.rows() == r.rows()
                    && n.refactoring() == r.refactoring()).findFirst().orElse(null);
            out.append(f("- %,d rows, %s: longest writer wait %,.0f ms (%s), %,.0f rows/s (%s)%s.\n", r.rows(),
                    r.refactoring().label, r.during().maxMillis(), met(r.during().maxMillis() <= WAIT_TARGET_MS),
                    r.rowsPerSecond(), met(r.rowsPerSecond() >= RATE_TARGET), naive == null ? ""
                            : f("; the naive way made a writer wait %,.0f ms", naive.during().maxMillis())));
        }
        out.append('\n');
    }

    private static void inventory(StringBuilder out, List<InventoryUnderLoad.Phase> phases, OnlineSettings s) {
        out.append(f("## The inventory example under load\n\nThe example's catalog (`examples/inventory/src/main/graft`),"
                + " generated at run time and applied by Flyway one version at a time on its production seed (100,000"
                + " items, before V2), while %d connections write %.0f statements/s each: `inventory_code` (the old"
                + " shape) until the split is completed, `batch_number` from V3 on. \"before\" is the workload with no"
                + " migration running.\n\n", s.writers(), s.ratePerWriter()));
        out.append("| phase | migration s | statements | p50 ms | p99 ms | p99 from schedule ms | max ms | errors |\n"
                + "|---|--:|--:|--:|--:|--:|--:|--:|\n");
        for (InventoryUnderLoad.Phase p : phases) {
            LatencySummary w = p.workload();
            out.append(f("| %s | %s | %,d | %.2f | %.1f | %,.1f | %,.0f | %d |\n", p.phase(),
                    p.phase().equals("before") ? "" : f("%.2f", p.seconds()), w.statements(), w.p50Millis(),
                    w.p99Millis(), w.p99FromScheduleMillis(), w.maxMillis(), w.errors()));
        }
        out.append('\n');
    }

    private static String met(boolean met) {
        return met ? "met" : "missed";
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
