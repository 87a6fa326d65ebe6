package dev.graft.benchmarks.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.template.TemplateBranchEngine;
import dev.graft.junit.DefaultEngine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Per-test database acquisition through {@code @GraftDatabase}, pool on and off, on templates of
 * about 10 MB and 200 MB, against two ways of doing without: running the migrations into a fresh
 * schema per test, and {@code CREATE DATABASE ... STRATEGY WAL_LOG} per test. All on one embedded
 * server, in one run; prints a Markdown table. Data in {@code target/graft/bench} unless the
 * system property {@code graft.dataDirectory} says otherwise; a second run reuses the templates.
 */
public final class AcquisitionBenchmark {

    private static final int SCHEMA_RUNS_SMALL = 10;
    private static final int SCHEMA_RUNS_LARGE = 3;
    private static final int COPY_RUNS_SMALL = 30;
    private static final int COPY_RUNS_LARGE = 10;

    private final List<String> rows = new ArrayList<>();
    private final TemplateBranchEngine engine;

    private AcquisitionBenchmark() {
        this.engine = (TemplateBranchEngine) new DefaultEngine().get();
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty(DefaultEngine.DATA_DIRECTORY_PROPERTY) == null) {
            System.setProperty(DefaultEngine.DATA_DIRECTORY_PROPERTY, "target/graft/bench");
        }
        long start = System.nanoTime();
        new AcquisitionBenchmark().run();
        System.out.printf("%nTotal benchmark time: %d s; test body %d ms; copy strategy of the engine: see above.%n",
                (System.nanoTime() - start) / 1_000_000_000, BenchSamples.TEST_BODY_MILLIS);
    }

    private void run() throws Exception {
        System.out.println("engine copy strategy: " + engine.copyStrategy());
        measureTemplate("small", "~10 MB", BenchSamples.SmallPooled.class, BenchSamples.SmallUnpooled.class,
                SCHEMA_RUNS_SMALL, COPY_RUNS_SMALL, "≤ 5 ms", "≤ 30 ms");
        measureTemplate("large", "~200 MB", BenchSamples.LargePooled.class, BenchSamples.LargeUnpooled.class,
                SCHEMA_RUNS_LARGE, COPY_RUNS_LARGE, "", "");
        String table = "| template | how a test gets its database | n | p50 ms | p95 ms | target (p50) |\n"
                + "|---|---|---:|---:|---:|---|\n" + String.join("\n", rows) + "\n";
        System.out.println();
        System.out.println(table);
        java.nio.file.Path results = java.nio.file.Path.of(System.getProperty("graft.bench.results", "results"));
        java.nio.file.Files.createDirectories(results);
        java.nio.file.Files.writeString(results.resolve("junit-acquisition.md"), "copy strategy: " + engine.copyStrategy()
                + " in " + System.getProperty(DefaultEngine.DATA_DIRECTORY_PROPERTY) + "\n\n" + table);
    }

    private void measureTemplate(String folder, String label, Class<?> pooled, Class<?> unpooled, int schemaRuns,
                                 int copyRuns, String pooledTarget, String unpooledTarget) throws Exception {
        List<Long> withPool = runSample(pooled);
        String template = BenchSamples.template;
        String size = label + " (" + databaseSize(template) + ")";
        add(size, "@GraftDatabase, pool 2", withPool, pooledTarget);
        add(size, "@GraftDatabase, pool 0", runSample(unpooled), unpooledTarget);
        add(size, "raw CREATE DATABASE ... STRATEGY FILE_COPY (engine's copy alone)", copies(template, "FILE_COPY", copyRuns), "");
        add(size, "(b) CREATE DATABASE ... STRATEGY WAL_LOG", copies(template, "WAL_LOG", copyRuns), "");
        add(size, "(a) Flyway migrations into a fresh schema", freshSchemas(folder, schemaRuns), "");
    }

    private static List<Long> runSample(Class<?> sample) {
        Timing.SAMPLES.clear();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(sample)).build(), summary);
        if (summary.getSummary().getTotalFailureCount() > 0) {
            summary.getSummary().getFailures().forEach(f -> f.getException().printStackTrace());
            throw new IllegalStateException(sample.getSimpleName() + " failed");
        }
        return new ArrayList<>(Timing.SAMPLES);
    }

    /** Per test: one CREATE DATABASE from the template, timed alone on a held connection. */
    private List<Long> copies(String template, String strategy, int runs) throws SQLException {
        List<Long> samples = new ArrayList<>();
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("SET file_copy_method = copy");
            for (int i = 0; i < runs; i++) {
                String name = "bench_copy_" + i;
                statement.execute("DROP DATABASE IF EXISTS " + name);
                long begin = System.nanoTime();
                statement.execute("CREATE DATABASE " + name + " TEMPLATE " + template + " STRATEGY " + strategy);
                samples.add(System.nanoTime() - begin);
                statement.execute("DROP DATABASE " + name);
            }
        }
        return samples;
    }

    /** Per test: the migrations again, into a schema of its own, in one shared database. */
    private List<Long> freshSchemas(String folder, int runs) throws SQLException {
        List<Long> samples = new ArrayList<>();
        try (Branch scratch = engine.create(BranchSpec.root("graft_bench_schemas").ifExists(IfExists.REPLACE).build())) {
            for (int i = 0; i < runs; i++) {
                String schema = "test_" + i;
                long begin = System.nanoTime();
                Flyway.configure().dataSource(scratch.dataSource()).schemas(schema).locations("classpath:bench/" + folder)
                        .load().migrate();
                samples.add(System.nanoTime() - begin);
                try (Connection connection = scratch.connect(); Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
        return samples;
    }

    private String databaseSize(String database) throws SQLException {
        try (Connection admin = admin(); Statement statement = admin.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_size_pretty(pg_database_size('" + database + "'))")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Connection admin() throws SQLException {
        var target = engine.target();
        return DriverManager.getConnection(target.jdbcUrl(target.maintenanceDatabase()), target.user(), target.password());
    }

    private void add(String template, String method, List<Long> nanos, String target) {
        List<Long> sorted = nanos.stream().sorted().toList();
        rows.add(String.format("| %s | %s | %d | %.1f | %.1f | %s |", template, method, sorted.size(),
                percentile(sorted, 50), percentile(sorted, 95), target));
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1_000_000.0;
    }
}
