package dev.graft.benchmarks;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.CopyMethod;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import dev.graft.branch.embedded.EmbeddedConfig;
import dev.graft.branch.embedded.EmbeddedEngine;
import dev.graft.branch.template.CopyStrategy;
import dev.graft.branch.testing.XfsLoopMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Branch creation time and disk added against parent size, on the default file system and on an
 * XFS reflink loop mount, for the three ways PostgreSQL can copy a template: FILE_COPY with
 * {@code file_copy_method = clone}, FILE_COPY with {@code copy}, and WAL_LOG.
 *
 * <p>Run: {@code mvn -B -q -DskipTests -Pbenchmark -pl benchmarks -am verify}. Sizes in MB can be
 * chosen with {@code -Dgraft.bench.sizes=10,500,2048}.
 */
public final class BranchingBenchmark {

    private static final long MB = 1024L * 1024;
    private static final int ROW_BYTES = 600;

    private final List<String> rows = new ArrayList<>();
    private final Path work;

    private BranchingBenchmark(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("graft.bench.work", "target/bench")).toAbsolutePath();
        Path results = Path.of(System.getProperty("graft.bench.results", "results")).toAbsolutePath();
        int[] sizes = Arrays.stream(System.getProperty("graft.bench.sizes", "10,500,2048").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        BranchingBenchmark benchmark = new BranchingBenchmark(work);
        benchmark.run("default (" + Files.getFileStore(Files.createDirectories(work)).type() + ")",
                work.resolve("default-pgdata"), null, sizes);
        var xfsUnavailable = XfsLoopMount.unavailableReason();
        if (xfsUnavailable.isEmpty()) {
            try (XfsLoopMount xfs = XfsLoopMount.create(work.resolve("xfs"), 12L * 1024 * MB)) {
                benchmark.run("xfs reflink=1 (loop)", xfs.mountPoint().resolve("pgdata"), xfs, sizes);
            }
        } else {
            benchmark.rows.add("| xfs reflink=1 | not run: " + xfsUnavailable.get() + " | | | | | | |");
        }
        String table = benchmark.table();
        System.out.println(table);
        Files.createDirectories(results);
        Files.writeString(results.resolve("branching.md"), table);
        System.out.println("written to " + results.resolve("branching.md"));
    }

    private void run(String fileSystem, Path dataDirectory, XfsLoopMount xfs, int[] sizes) throws Exception {
        EmbeddedConfig base = EmbeddedConfig.builder().dataDirectory(dataDirectory).build();
        EmbeddedEngine engine = EmbeddedEngine.start(base);
        try {
            for (int size : sizes) {
                String parent = "bench_parent_" + size;
                progress("%s: building a %d MB parent", fileSystem, size);
                // an empty database already holds ~7.5 MB of catalogs; the filler brings it to the size asked for
                long rowCount = Math.max(1000, (size * MB - 8 * MB) / ROW_BYTES);
                try (Branch root = engine.create(BranchSpec.root(parent).ifExists(IfExists.REUSE).seed(Seed.sql(
                        "CREATE TABLE filler (id bigint PRIMARY KEY, payload text NOT NULL);"
                                + "INSERT INTO filler SELECT g, repeat(md5(g::text), 16) FROM generate_series(1, " + rowCount + ") g;"
                                + "VACUUM ANALYZE filler;")).build())) {
                    long parentBytes = databaseSize(root);
                    for (CopyStrategy strategy : List.of(CopyStrategy.CLONE, CopyStrategy.FILE_COPY, CopyStrategy.WAL_LOG)) {
                        measure(fileSystem, dataDirectory, xfs, parent, parentBytes, strategy, iterations(size));
                    }
                    engine.delete(parent);
                }
            }
        } finally {
            engine.stopServer();
        }
    }

    private void measure(String fileSystem, Path dataDirectory, XfsLoopMount xfs, String parent, long parentBytes,
                         CopyStrategy strategy, int iterations) throws Exception {
        EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(dataDirectory)
                .copyStrategy(strategy).build());
        Samples millis = new Samples();
        Samples copyMillis = new Samples();
        Samples addedMb = new Samples();
        CopyMethod observed = null;
        for (int i = 0; i < iterations; i++) {
            long before = usedBytes(dataDirectory, xfs);
            long start = System.nanoTime();
            Branch branch = engine.create(BranchSpec.of("bench-" + strategy.name().toLowerCase(Locale.ROOT) + "-" + i)
                    .parent(parent).ifExists(IfExists.REPLACE).build());
            millis.add((System.nanoTime() - start) / 1e6);
            addedMb.add((usedBytes(dataDirectory, xfs) - before) / (double) MB);
            observed = branch.copy().method();
            copyMillis.add(branch.copy().took().toNanos() / 1e6);
            branch.close();
        }
        progress("%s: %d MB parent, %s: p50 %.1f ms", fileSystem, parentBytes / MB, strategy, millis.median());
        rows.add(String.format(Locale.ROOT, "| %s | %,d MB | %s | %s | %.1f | %.1f | %.1f | %.1f |", fileSystem,
                parentBytes / MB, label(strategy), observed, millis.median(), millis.percentile(100), copyMillis.median(),
                addedMb.median()));
    }

    private static String label(CopyStrategy strategy) {
        return switch (strategy) {
            case CLONE -> "FILE_COPY, file_copy_method=clone";
            case FILE_COPY -> "FILE_COPY, file_copy_method=copy";
            case WAL_LOG -> "WAL_LOG";
            case AUTO -> "auto";
        };
    }

    private static int iterations(int sizeMb) {
        return sizeMb <= 50 ? 20 : sizeMb <= 600 ? 5 : 3;
    }

    private static long usedBytes(Path dataDirectory, XfsLoopMount xfs) throws IOException {
        if (xfs != null) {
            return xfs.usedBytes();
        }
        try {
            new ProcessBuilder("sync").start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var store = Files.getFileStore(dataDirectory);
        return store.getTotalSpace() - store.getUnallocatedSpace();
    }

    private static long databaseSize(Branch branch) throws Exception {
        try (Connection c = branch.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String table() {
        return "| file system | parent | strategy | reported as | create p50 ms | create max ms | of which copy p50 ms "
                + "| disk added MB (p50) |\n|---|---|---|---|---|---|---|---|\n" + String.join("\n", rows) + "\n";
    }

    private static void progress(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[branching] " + format + "%n", args);
    }
}
