package dev.graft.benchmarks.online;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Graft's {@code split_column} and {@code change_column_type} (generated from the catalog, applied by
 * Flyway) against the naive in-place equivalent, each on a fresh branch of one parent of
 * {@code rows} rows, while the writer workload updates random keys through the old shape.
 */
final class BackfillComparison {

    /** The refactorings compared. */
    enum Refactoring {
        SPLIT_COLUMN("split_column", "split_inventory_code", null, BenchCatalogs.NAIVE_SPLIT,
                "UPDATE inventory SET inventory_code = ? WHERE id = ?",
                "SELECT count(*) FROM inventory WHERE location_code IS NULL"),
        CHANGE_COLUMN_TYPE("change_column_type", "qty_bigint", BenchCatalogs.CHANGE_TYPE,
                BenchCatalogs.NAIVE_CHANGE_TYPE, "UPDATE inventory SET qty = ? WHERE id = ?", null);

        final String label;
        final String slug;
        final String yaml;
        final String[] naive;
        final String write;
        final String unfilled;

        Refactoring(String label, String slug, String yaml, String[] naive, String write, String unfilled) {
            this.label = label;
            this.slug = slug;
            this.yaml = yaml;
            this.naive = naive;
            this.write = write;
            this.unfilled = unfilled;
        }

        /** The catalog file of V2. */
        String yaml(OnlineSettings settings) throws java.io.IOException {
            return yaml != null ? yaml : BenchCatalogs.split(settings);
        }

        Workload.Binder binder(long rows) {
            return this == SPLIT_COLUMN ? Workload.updateOfKey(rows, InventoryCodes::code)
                    : Workload.updateOfKey(rows, (key, random) -> random.nextInt(1_000_000));
        }
    }

    /**
     * One migration under load.
     *
     * @param refactoring what changed
     * @param way         "Graft" or "naive"
     * @param rows        rows in the table
     * @param seconds     how long the migration took, end to end
     * @param before      the workload in the seconds before it
     * @param during      the workload while it ran
     * @param unfilled    rows the migration left without the new shape (-1 when not applicable)
     * @param shape       how Graft's generated migration runs: in one transaction, or committing on its own
     */
    record Run(Refactoring refactoring, String way, long rows, double seconds, LatencySummary before,
            LatencySummary during, long unfilled, String shape) {

        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private BackfillComparison() {
    }

    static List<Run> measure(BranchEngine engine, OnlineSettings settings, long rows) throws Exception {
        List<Run> runs = new ArrayList<>();
        String parent = "online_parent_" + rows;
        long start = System.nanoTime();
        Progress.say("backfill: building a parent of %,d rows (one INSERT ... SELECT generate_series)", rows);
        try (Branch root = engine.create(BranchSpec.root(parent).ifExists(IfExists.REPLACE).seed(Seed.sql(
                BenchCatalogs.plainTable() + ";" + BenchCatalogs.fill(rows) + ";VACUUM ANALYZE inventory")).build())) {
            Progress.say("backfill: parent of %,d rows built in %.0f s", rows, (System.nanoTime() - start) / 1e9);
            for (Refactoring r : Refactoring.values()) {
                Path catalog = BenchCatalogs.write(settings.work().resolve("online-catalogs/" + r.slug), r.slug,
                        r.yaml(settings));
                try (RuntimeMigrations migrations = RuntimeMigrations.generate(catalog,
                        settings.work().resolve("online-generated/" + r.slug))) {
                    String shape = GraftShape.of(migrations, "2");
                    runs.add(run(engine, settings, root, r, "Graft", rows, shape, branch ->
                            migrations.flywayOverExisting(branch.dataSource(), "1", "2").migrate()));
                    runs.add(run(engine, settings, root, r, "naive", rows, "", branch -> {
                        try (Connection c = branch.connect(); Statement s = c.createStatement()) {
                            for (String sql : r.naive) {
                                s.execute(sql);
                            }
                        }
                    }));
                }
            }
            engine.delete(root.name());
        }
        return runs;
    }

    /** A migration of a branch. */
    @FunctionalInterface
    private interface Migration {
        void apply(Branch branch) throws Exception;
    }

    private static Run run(BranchEngine engine, OnlineSettings settings, Branch root, Refactoring r, String way,
            long rows, String shape, Migration migration) throws Exception {
        try (Branch branch = engine.create(BranchSpec.of("online_" + r.slug + "_" + way.toLowerCase(java.util.Locale.ROOT))
                .parent(root.name()).ifExists(IfExists.REPLACE).build())) {
            Workload warmup = Workload.start(branch.dataSource(), settings.writers(), settings.ratePerWriter(), r.write,
                    r.binder(rows));
            Progress.sleep(settings.baselineSeconds());
            LatencySummary before = warmup.stop();
            Workload workload = Workload.start(branch.dataSource(), settings.writers(), settings.ratePerWriter(),
                    r.write, r.binder(rows));
            Progress.sleep(0.5);
            long start = System.nanoTime();
            migration.apply(branch);
            double seconds = (System.nanoTime() - start) / 1e9;
            Progress.sleep(0.5);
            LatencySummary during = workload.stop();
            long unfilled = r.unfilled == null ? -1 : TriggerOverhead.scalar(branch, r.unfilled);
            Progress.say("  %,d rows, %s %s: %.1f s (%,.0f rows/s); writers: %,d statements, max %.0f ms, p99 %.1f ms,"
                    + " %d errors", rows, way, r.label, seconds, rows / seconds, during.statements(), during.maxMillis(),
                    during.p99Millis(), during.errors());
            return new Run(r, way, rows, seconds, before, during, unfilled, shape);
        }
    }
}
