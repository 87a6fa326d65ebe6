package dev.graft.benchmarks.online;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import dev.graft.branch.embedded.EmbeddedConfig;
import dev.graft.branch.embedded.EmbeddedEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Online safety, measured on the embedded PostgreSQL 18: the transition trigger's write overhead,
 * Graft's backfills against naive in-place DDL under a writer workload on 1M and 10M rows, and the
 * inventory example's migrations under load. Graft's migrations are generated at run time from
 * catalog YAML and applied with Flyway, so a run measures the generator it is built with. Prints
 * progress and writes {@code online.md} to {@code graft.bench.results}.
 *
 * <p>Run: {@code mvn -B -q -DskipTests -Pbenchmark -pl benchmarks -am verify
 * -Dbenchmark.main=dev.graft.benchmarks.online.OnlineBenchmark}; smaller with
 * {@code -Donline.rows=100000} (see {@link OnlineSettings} for the other knobs). With
 * {@code -Donline.overheadOnly=true} it measures the trigger overhead alone, in about a minute, and
 * prints it without writing {@code online.md}.
 */
public final class OnlineBenchmark {

    /** Everything one run measured. */
    record Results(Environment environment, TriggerOverhead.Result overhead, List<BackfillComparison.Run> backfills,
            List<InventoryUnderLoad.Phase> inventory) {
    }

    /**
     * Where and when it ran.
     *
     * @param date        the day
     * @param cores       processors the JVM saw
     * @param loadBefore  /proc/loadavg at the start
     * @param loadAfter   /proc/loadavg at the end
     * @param postgres    the server's version
     * @param minutes     how long the run took
     */
    record Environment(String date, int cores, String loadBefore, String loadAfter, String postgres, double minutes) {
    }

    private OnlineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        OnlineSettings settings = OnlineSettings.fromSystemProperties();
        if (Boolean.getBoolean("online.overheadOnly")) {
            System.out.println(overheadOnly(settings, settings.work().resolve("online-pgdata")));
            return;
        }
        Path results = Path.of(System.getProperty("graft.bench.results", "benchmarks/results")).toAbsolutePath();
        Results measured = run(settings, settings.work().resolve("online-pgdata"));
        String page = OnlinePage.render(measured, settings);
        System.out.println(page);
        Files.createDirectories(results);
        Files.writeString(results.resolve("online.md"), page, StandardCharsets.UTF_8);
        Progress.say("written to %s", results.resolve("online.md"));
    }

    /** Runs the three parts on an embedded server in {@code dataDirectory}, stopped at the end. */
    static Results run(OnlineSettings settings, Path dataDirectory) throws Exception {
        long start = System.nanoTime();
        String loadBefore = loadAverage();
        EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(dataDirectory).build());
        try {
            String postgres = serverVersion(engine);
            TriggerOverhead.Result overhead = TriggerOverhead.measure(engine, settings);
            List<BackfillComparison.Run> backfills = new ArrayList<>();
            for (long rows : settings.rows()) {
                backfills.addAll(BackfillComparison.measure(engine, settings, rows));
            }
            List<InventoryUnderLoad.Phase> inventory = InventoryUnderLoad.measure(engine, settings);
            return new Results(new Environment(LocalDate.now().toString(), Runtime.getRuntime().availableProcessors(),
                    loadBefore, loadAverage(), postgres, (System.nanoTime() - start) / 60e9), overhead, backfills,
                    inventory);
        } finally {
            engine.stopServer();
        }
    }

    /** The trigger overhead section alone, measured on an embedded server in {@code dataDirectory}. */
    static String overheadOnly(OnlineSettings settings, Path dataDirectory) throws Exception {
        EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(dataDirectory).build());
        try {
            return OnlinePage.overhead(TriggerOverhead.measure(engine, settings), settings);
        } finally {
            engine.stopServer();
        }
    }

    private static String serverVersion(EmbeddedEngine engine) throws Exception {
        try (Branch probe = engine.create(BranchSpec.root("online_probe").ifExists(IfExists.REPLACE).seed(Seed.none())
                .build()); Connection c = probe.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
