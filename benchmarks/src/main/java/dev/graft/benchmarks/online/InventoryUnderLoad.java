package dev.graft.benchmarks.online;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import dev.graft.generator.GeneratedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The inventory example's migrations (its catalog in {@code examples/inventory/src/main/graft},
 * generated at run time, applied by Flyway one version at a time) on its production seed of
 * 100,000 items, while the writer workload runs: old-shape writes ({@code inventory_code}) before
 * the split is completed, new-shape writes ({@code batch_number}) from its {@code complete} on.
 */
final class InventoryUnderLoad {

    /**
     * The workload during one phase.
     *
     * @param phase    "before" or the migration's file name
     * @param seconds  how long the migration took (the measured window for "before")
     * @param workload what the writers saw
     */
    record Phase(String phase, double seconds, LatencySummary workload) { }

    private static final String OLD_SHAPE = "UPDATE inventory SET inventory_code = ? WHERE id = ?";
    private static final String NEW_SHAPE = "UPDATE inventory SET batch_number = ? WHERE id = ?";
    private static final long ITEMS = 100_000;

    private InventoryUnderLoad() {
    }

    static List<Phase> measure(BranchEngine engine, OnlineSettings settings) throws Exception {
        Path example = settings.examples().resolve("inventory");
        List<Phase> phases = new ArrayList<>();
        Progress.say("inventory example: %s", example);
        try (Branch root = engine.create(BranchSpec.root("online_inventory_parent").ifExists(IfExists.REPLACE)
                .seed(Seed.sqlFile(example.resolve("src/test/graft/production.sql"))).build());
             Branch branch = engine.create(BranchSpec.of("online_inventory").parent(root.name())
                     .ifExists(IfExists.REPLACE).build());
             RuntimeMigrations migrations = RuntimeMigrations.generate(example.resolve("src/main/graft"),
                     settings.work().resolve("online-generated/inventory"))) {
            Workload before = start(branch, settings, OLD_SHAPE);
            Progress.sleep(Math.max(5, settings.baselineSeconds()));
            phases.add(new Phase("before", 0, before.stop()));
            boolean completed = false;
            for (GeneratedFile file : migrations.files()) {
                String version = file.migration().version().toString();
                if (version.equals("1") || file.kind() == GeneratedFile.Kind.SQL_CONFIG) {
                    continue;
                }
                completed |= file.content().contains("DROP COLUMN IF EXISTS \"inventory_code\"");
                Workload workload = start(branch, settings, completed ? NEW_SHAPE : OLD_SHAPE);
                Progress.sleep(0.5);
                long start = System.nanoTime();
                migrations.flywayOverExisting(branch.dataSource(), "1", version).migrate();
                double seconds = (System.nanoTime() - start) / 1e9;
                Progress.sleep(0.5);
                LatencySummary during = workload.stop();
                String name = file.migration().fileName().replaceFirst("\\.yaml$", "");
                Progress.say("  %s: %.2f s; writers p99 %.1f ms, max %.0f ms, %d errors", name, seconds,
                        during.p99Millis(), during.maxMillis(), during.errors());
                phases.add(new Phase(name, seconds, during));
            }
        }
        return phases;
    }

    private static Workload start(Branch branch, OnlineSettings settings, String sql) throws Exception {
        return Workload.start(branch.dataSource(), settings.writers(), settings.ratePerWriter(), sql,
                Workload.updateOfKey(ITEMS, OLD_SHAPE.equals(sql) ? InventoryCodes::code
                        : (key, random) -> InventoryCodes.batch(random)));
    }
}
