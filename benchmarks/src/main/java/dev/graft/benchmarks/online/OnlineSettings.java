package dev.graft.benchmarks.online;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's knobs, from system properties ({@code -Donline.rows=100000} and so on).
 *
 * @param rows             table sizes of the backfill comparison ({@code online.rows}, default 1M and 10M)
 * @param triggerRows      rows of the trigger overhead table ({@code online.triggerRows})
 * @param writers          connections of the workload ({@code online.writers})
 * @param ratePerWriter    statements per second per connection ({@code online.rate})
 * @param overheadSeconds  seconds of each closed-loop write measurement, run twice ({@code online.overheadSeconds})
 * @param baselineSeconds  seconds of workload measured before each migration ({@code online.baselineSeconds})
 * @param examples         the repository's {@code examples} folder ({@code graft.bench.examples})
 * @param work             scratch folder: data directory and generated migrations ({@code graft.bench.work})
 */
record OnlineSettings(List<Long> rows, long triggerRows, int writers, double ratePerWriter, double overheadSeconds,
        double baselineSeconds, Path examples, Path work) {

    OnlineSettings {
        rows = List.copyOf(rows);
    }

    static OnlineSettings fromSystemProperties() {
        return new OnlineSettings(
                Arrays.stream(System.getProperty("online.rows", "1000000,10000000").split(","))
                        .map(s -> Long.parseLong(s.trim().replace("_", ""))).toList(),
                Long.getLong("online.triggerRows", 100_000),
                Integer.getInteger("online.writers", 4),
                Double.parseDouble(System.getProperty("online.rate", "75")),
                Double.parseDouble(System.getProperty("online.overheadSeconds", "5")),
                Double.parseDouble(System.getProperty("online.baselineSeconds", "3")),
                Path.of(System.getProperty("graft.bench.examples", "examples")).toAbsolutePath(),
                Path.of(System.getProperty("graft.bench.work", "target/bench")).toAbsolutePath());
    }
}
