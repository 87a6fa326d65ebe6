package dev.graft.benchmarks.online;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Single-row writes per second, as fast as {@code writers} connections go, on {@code inventory}
 * without and then with the split's transition trigger (Graft's V2 applied by Flyway, backfill
 * done): UPDATE of the old-shape column by key, and INSERT through the old shape. Two rounds each,
 * alternating, so drift of the shared machine falls on both sides.
 */
final class TriggerOverhead {

    /**
     * @param updatesWithout UPDATE by key per second, no trigger
     * @param updatesWith    the same with the trigger
     * @param insertsWithout INSERT per second, no trigger
     * @param insertsWith    the same with the trigger
     * @param triggerInstalled whether {@code pg_trigger} held the transition trigger while measured
     * @param insertsSynced  rows inserted through the old shape with the trigger, and how many got the new shape
     * @param errors         failed statements on either side
     */
    record Result(double updatesWithout, double updatesWith, double insertsWithout, double insertsWith,
            boolean triggerInstalled, long insertsSynced, long insertsWithTrigger, long errors) {

        double updateRatio() {
            return updatesWithout / updatesWith;
        }

        double insertRatio() {
            return insertsWithout / insertsWith;
        }
    }

    static final String TRIGGER = "graft_2_inventory_inventory_code_sync";

    private static final String UPDATE = "UPDATE inventory SET inventory_code = ? WHERE id = ?";
    private static final String INSERT = "INSERT INTO inventory (id, inventory_code, qty) VALUES (?, ?, 1)";

    private TriggerOverhead() {
    }

    static Result measure(BranchEngine engine, OnlineSettings settings) throws Exception {
        long rows = settings.triggerRows();
        Progress.say("trigger overhead: %,d rows, %d connections, %.0f s per side and round", rows, settings.writers(),
                settings.overheadSeconds());
        try (Branch plain = engine.create(BranchSpec.root("online_overhead_plain").ifExists(IfExists.REPLACE)
                .seed(Seed.sql(BenchCatalogs.plainTable() + ";" + BenchCatalogs.fill(rows) + ";VACUUM ANALYZE inventory"))
                .build());
             Branch triggered = engine.create(BranchSpec.of("online_overhead_trigger").parent(plain.name())
                     .ifExists(IfExists.REPLACE).build());
             RuntimeMigrations split = RuntimeMigrations.generate(
                     BenchCatalogs.write(settings.work().resolve("online-catalogs/split"), "split_inventory_code",
                             BenchCatalogs.split(settings)), settings.work().resolve("online-generated/overhead"))) {
            split.flywayOverExisting(triggered.dataSource(), "1", "2").migrate();
            execute(triggered, "VACUUM ANALYZE inventory");
            boolean installed = scalar(triggered, "SELECT count(*) FROM pg_trigger WHERE tgname = '" + TRIGGER + "'") == 1;
            AtomicLong ids = new AtomicLong(rows * 10);
            long firstInserted = ids.get() + 1;
            double[] updates = new double[2];
            double[] inserts = new double[2];
            long errors = 0;
            for (int round = 0; round < 2; round++) {
                for (int side = 0; side < 2; side++) {
                    Branch branch = side == 0 ? plain : triggered;
                    LatencySummary u = closedLoop(branch, UPDATE, Workload.updateOfKey(rows, InventoryCodes::code),
                            settings);
                    LatencySummary i = closedLoop(branch, INSERT, (statement, random) -> {
                        long id = ids.incrementAndGet();
                        statement.setLong(1, id);
                        statement.setString(2, InventoryCodes.code(id, random));
                    }, settings);
                    updates[side] += u.statements() / u.seconds() / 2;
                    inserts[side] += i.statements() / i.seconds() / 2;
                    errors += u.errors() + i.errors();
                    Progress.say("  round %d, %s: %.0f updates/s, %.0f inserts/s", round + 1,
                            side == 0 ? "no trigger" : "trigger", u.perSecond(), i.perSecond());
                }
            }
            long inserted = scalar(triggered, "SELECT count(*) FROM inventory WHERE id >= " + firstInserted);
            long synced = scalar(triggered, "SELECT count(*) FROM inventory WHERE id >= " + firstInserted
                    + " AND location_code || batch_number || serial_number = inventory_code");
            engine.delete(triggered.name());
            return new Result(updates[0], updates[1], inserts[0], inserts[1], installed, synced, inserted, errors);
        }
    }

    private static LatencySummary closedLoop(Branch branch, String sql, Workload.Binder binder, OnlineSettings settings)
            throws Exception {
        Workload workload = Workload.start(branch.dataSource(), settings.writers(), 0, sql, binder);
        Progress.sleep(settings.overheadSeconds());
        return workload.stop();
    }

    static long scalar(Branch branch, String sql) throws SQLException {
        try (Connection c = branch.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(Branch branch, String sql) throws SQLException {
        try (Connection c = branch.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
