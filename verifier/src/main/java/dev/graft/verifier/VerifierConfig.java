package dev.graft.verifier;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the verifier works, validated once and then frozen.
 *
 * <pre>{@code
 * VerifierConfig config = VerifierConfig.builder().parallelism(4).skip(Check.LINT).build();
 * }</pre>
 *
 * @param parallelism     branches worked on at once (default: the number of cores)
 * @param reportDirectory where reports go (default {@code target/graft}); empty for none
 * @param checks          the checks to run (default: all)
 * @param generatedRows   values the transition check draws per column from jqwik arbitraries, and rows
 *                        generated for a table with fewer than 10 (0: none drawn, none generated)
 * @param seed            the seed of every drawn value and generated row, printed in the summaries that
 *                        use it: the same seed writes the same values and gives the same counts
 * @param examples        failing rows shown per round-trip law
 * @param excludedTables  tables (unqualified names) left out of data fingerprints
 * @param branchPrefix    the start of every branch name the verifier makes
 * @param commitBoundaries how many commits of a Java migration (its batches) at most are interrupted
 *                        and replayed, spread evenly from the first to the last (default 16)
 * @param workload        the workload and lock budget of the {@link Check#LOCKS} check
 */
public record VerifierConfig(int parallelism, Optional<Path> reportDirectory, Set<Check> checks, int generatedRows, long seed,
        int examples, Set<String> excludedTables, String branchPrefix, int commitBoundaries,
        dev.graft.verifier.locks.LockWorkload workload) {

    /** The default of {@link #commitBoundaries()}. */
    public static final int DEFAULT_COMMIT_BOUNDARIES = 16;

    public static final Path DEFAULT_REPORT_DIRECTORY = Path.of("target", "graft");

    public VerifierConfig {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism < 1: " + parallelism);
        }
        Objects.requireNonNull(reportDirectory, "reportDirectory == null");
        checks = Set.copyOf(checks);
        if (generatedRows < 0 || examples < 0 || commitBoundaries < 0) {
            throw new IllegalArgumentException("generatedRows, examples and commitBoundaries must not be negative");
        }
        excludedTables = Set.copyOf(excludedTables);
        Objects.requireNonNull(branchPrefix, "branchPrefix == null");
        if (!branchPrefix.matches("[a-z][a-z0-9_-]{0,15}")) {
            throw new IllegalArgumentException("branchPrefix must be [a-z][a-z0-9_-]{0,15}: " + branchPrefix);
        }
        Objects.requireNonNull(workload, "workload == null");
    }

    public static VerifierConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean runs(Check check) {
        return checks.contains(check);
    }

    /** Builds a {@link VerifierConfig}. */
    public static final class Builder {
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private int commitBoundaries = DEFAULT_COMMIT_BOUNDARIES;
        private Path reportDirectory = DEFAULT_REPORT_DIRECTORY;
        private final Set<Check> checks = EnumSet.allOf(Check.class);
        private int generatedRows = 100;
        private long seed = 20_261_124L;
        private int examples = 10;
        private Set<String> excludedTables = dev.graft.verifier.snapshot.DataFingerprint.DEFAULT_EXCLUDED;
        private String branchPrefix = "gv";
        private dev.graft.verifier.locks.LockWorkload workload = dev.graft.verifier.locks.LockWorkload.DEFAULTS;

        private Builder() {
        }

        public Builder parallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        public Builder reportDirectory(Path directory) {
            this.reportDirectory = Objects.requireNonNull(directory, "directory == null");
            return this;
        }

        /** Writes no report files; the {@link VerificationReport} is still returned. */
        public Builder noReports() {
            this.reportDirectory = null;
            return this;
        }

        public Builder checks(Set<Check> only) {
            checks.clear();
            checks.addAll(only);
            return this;
        }

        public Builder skip(Check... skipped) {
            for (Check check : skipped) {
                checks.remove(check);
            }
            return this;
        }

        public Builder generatedRows(int rows) {
            this.generatedRows = rows;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder examples(int examples) {
            this.examples = examples;
            return this;
        }

        public Builder excludedTables(Set<String> tables) {
            this.excludedTables = Objects.requireNonNull(tables, "tables == null");
            return this;
        }

        /** How many commits of a Java migration at most are interrupted and replayed (0: none). */
        public Builder commitBoundaries(int boundaries) {
            this.commitBoundaries = boundaries;
            return this;
        }

        public Builder branchPrefix(String prefix) {
            this.branchPrefix = prefix;
            return this;
        }

        /** Workload connections of the locks check (default 4). */
        public Builder workloadConnections(int connections) {
            this.workload = workload.withConnections(connections);
            return this;
        }

        /** Workload statements per second of the locks check, all connections together (default 300). */
        public Builder workloadRate(int rate) {
            this.workload = workload.withRate(rate);
            return this;
        }

        /** The longest the locks check lets a workload statement wait behind a migration (default 200 ms). */
        public Builder lockBudget(java.time.Duration budget) {
            this.workload = workload.withBudget(budget);
            return this;
        }

        public VerifierConfig build() {
            return new VerifierConfig(parallelism, Optional.ofNullable(reportDirectory), checks, generatedRows, seed, examples,
                    excludedTables, branchPrefix, commitBoundaries, workload);
        }
    }
}
