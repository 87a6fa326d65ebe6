package dev.graft.verifier.bench;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import dev.graft.branch.embedded.EmbeddedConfig;
import dev.graft.branch.embedded.EmbeddedEngine;
import dev.graft.branch.testing.XfsLoopMount;
import dev.graft.catalog.Catalog;
import dev.graft.verifier.Check;
import dev.graft.verifier.MigrationResult;
import dev.graft.verifier.VerificationReport;
import dev.graft.verifier.Verifier;
import dev.graft.verifier.VerifierConfig;
import dev.graft.verifier.VerifyRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Verifies the inventory example ({@code examples/inventory}: its eight generated migrations, with
 * its catalog) plus four other refactorings (a column with a backfill, a concurrent index, a
 * foreign key and a check constraint, each added NOT VALID and then validated) on a parent of
 * about 1 GB, prefix replay included: on the embedded engine's default data directory and, as
 * root with {@code mkfs.xfs}, on an XFS reflink loop mount. Prints a Markdown table, one row per
 * file system and run, and writes it to {@code benchmarks/results/verification.md}. Options:
 * {@code -Dgraft.bench.only=xfs|default} (one file system), {@code -Dgraft.bench.runs=N} (N runs on
 * one parent), {@code -Dgraft.bench.setting.NAME=VALUE} (a server setting, for comparisons).
 *
 * <pre>{@code
 * mvn -o -q -Dgraft.build.dir=target-ver -pl verifier test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target-ver/cp.txt -Dmdep.includeScope=test
 * cd verifier && java -cp target-ver/test-classes:target-ver/classes:$(cat target-ver/cp.txt) \
 *     dev.graft.verifier.bench.VerifierBenchmark
 * }</pre>
 */
public final class VerifierBenchmark {

    private static final Path RESOURCES = Path.of("src", "test", "resources").toAbsolutePath();
    private static final Path EXAMPLE = Path.of("..", "examples", "inventory").toAbsolutePath().normalize();
    private static final Path RESULTS = Path.of("..", "benchmarks", "results", "verification.md");
    private static final long GB = 1024L * 1024 * 1024;

    private VerifierBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rows = new ArrayList<>();
        // -Dgraft.bench.only=xfs (or default) measures one file system only.
        String only = System.getProperty("graft.bench.only", "");
        if (!only.equals("xfs")) {
            rows.add(run("default (" + EmbeddedConfig.DEFAULT_DATA_DIRECTORY + ")",
                    withBenchSettings(EmbeddedConfig.builder()).build()));
        }
        if (only.equals("default")) {
            System.out.println("XFS reflink loop mount: skipped (graft.bench.only=default)");
        } else if (XfsLoopMount.unavailableReason().isEmpty()) {
            try (XfsLoopMount xfs = XfsLoopMount.create(Path.of("target", "graft", "xfs-bench").toAbsolutePath(), 8 * GB)) {
                rows.add(run("XFS reflink loop mount", withBenchSettings(EmbeddedConfig.builder()
                        .dataDirectory(xfs.mountPoint().resolve("pgdata"))).build()));
            }
        } else {
            rows.add("| XFS reflink loop mount | skipped: " + XfsLoopMount.unavailableReason().get()
                    + " | | | | | | | | | | | |");
        }
        List<String> table = new ArrayList<>();
        table.add("| file system | copy | parent | host check | total | branches | apply | reapply | prefix-replay"
                + " | transition-sync | round-trip | contract | passed |");
        table.add("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        table.addAll(rows);
        System.out.println();
        table.forEach(System.out::println);
        Files.writeString(RESULTS, "# Verifying the inventory example plus four refactorings on a 1 GB parent\n\n"
                + "`VerifierBenchmark`, " + java.time.LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores. Check times are summed over migrations; checks of one migration run in parallel."
                + " \"host check\" is PostgreSQL counting ten million generated rows on one core just before"
                + " the run: how fast the shared machine was at the time.\n\n"
                + String.join("\n", table) + "\n");
    }

    private static String run(String label, EmbeddedConfig config) throws Exception {
        EmbeddedEngine engine = EmbeddedEngine.start(config);
        try {
            long seeding = System.nanoTime();
            Branch parent = engine.create(BranchSpec.root("bench-parent").ifExists(IfExists.REPLACE)
                    .seed(Seed.sqlFile(RESOURCES.resolve("bench/parent.sql"))).build());
            long size;
            try (Connection c = parent.connect(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT pg_database_size(current_database())")) {
                r.next();
                size = r.getLong(1);
            }
            System.out.printf(Locale.ROOT, "%s: parent of %.2f GB seeded in %d s%n", label, size / (double) GB,
                    Duration.ofNanos(System.nanoTime() - seeding).toSeconds());
            // -Dgraft.bench.runs=N verifies N times on the same parent: the rows show the spread.
            int runs = Integer.getInteger("graft.bench.runs", 1);
            List<String> rows = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                double hostSeconds = hostCheck(parent);
                VerificationReport report = Verifier.on(engine).parent(parent.name())
                        .config(VerifierConfig.builder().reportDirectory(Path.of("target", "graft", "bench")).build())
                        .verify(VerifyRequest.builder().location(EXAMPLE.resolve("src/main/resources/db/migration"))
                                .location(RESOURCES.resolve("bench/migrations"))
                                .catalog(Catalog.read(EXAMPLE.resolve("src/main/graft"))).build());
                rows.add(row(label + (runs == 1 ? "" : ", run " + i), size, hostSeconds, report));
                System.out.println(rows.get(rows.size() - 1));
            }
            parent.close();
            return String.join("\n", rows);
        } finally {
            engine.stopServer();
        }
    }

    private static String row(String label, long size, double hostSeconds, VerificationReport report) {
        Map<Check, Duration> perCheck = new EnumMap<>(Check.class);
        for (MigrationResult m : report.migrations()) {
            m.checks().forEach(c -> perCheck.merge(c.check(), c.took(), Duration::plus));
        }
        String copy = report.migrations().stream().flatMap(m -> m.branches().stream())
                .map(b -> b.copy().method().name()).distinct().reduce((a, b) -> a + ", " + b).orElse("");
        StringBuilder row = new StringBuilder("| " + label + " | " + copy + " | "
                + String.format(Locale.ROOT, "%.2f GB | %.2f s", size / (double) GB, hostSeconds) + " | "
                + seconds(report.took()) + " | " + report.branchesMade() + " |");
        for (Check check : List.of(Check.APPLY, Check.REAPPLY, Check.PREFIX_REPLAY, Check.TRANSITION_SYNC,
                Check.ROUND_TRIP, Check.CONTRACT)) {
            row.append(' ').append(seconds(perCheck.getOrDefault(check, Duration.ZERO))).append(" |");
        }
        row.append(' ').append(report.passed() ? "yes" : "no: " + report.failures()).append(" |");
        return row.toString();
    }

    /**
     * How fast the host is just now: PostgreSQL counting ten million generated rows, on one core.
     * A shared virtual machine's speed drifts; this column shows by how much between rows.
     */
    private static double hostCheck(Branch parent) throws Exception {
        try (Connection c = parent.connect(); Statement s = c.createStatement()) {
            s.execute("SET max_parallel_workers_per_gather = 0");
            long start = System.nanoTime();
            s.execute("SELECT count(*) FROM generate_series(1, 10000000)");
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** {@code -Dgraft.bench.setting.NAME=VALUE} adds a server setting, to compare configurations. */
    private static EmbeddedConfig.Builder withBenchSettings(EmbeddedConfig.Builder builder) {
        String prefix = "graft.bench.setting.";
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith(prefix))
                .forEach(n -> builder.serverSetting(n.substring(prefix.length()), System.getProperty(n)));
        return builder;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
