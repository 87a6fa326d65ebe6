package dev.graft.generator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the generator writes: where SQL and Java migrations go, the Java package, the
 * {@code lock_timeout} DDL runs under and the batch size of in-transaction backfills. Validated
 * once, then immutable.
 *
 * <pre>{@code
 * GeneratorConfig config = GeneratorConfig.builder()
 *         .sqlOutput(Path.of("src/main/resources/db/migration"))
 *         .lockTimeout(Duration.ofSeconds(3))
 *         .build();
 * }</pre>
 *
 * @param sqlOutput   folder of SQL migrations
 * @param javaOutput  source root of Java migrations (the package folders are below it)
 * @param javaPackage package of Java migrations
 * @param lockTimeout {@code lock_timeout} for DDL
 * @param batchSize   rows per statement of backfills that run inside the migration's transaction
 */
public record GeneratorConfig(Path sqlOutput, Path javaOutput, String javaPackage, Duration lockTimeout,
        int batchSize) {

    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

    public GeneratorConfig {
        Objects.requireNonNull(sqlOutput, "sqlOutput == null");
        Objects.requireNonNull(javaOutput, "javaOutput == null");
        Objects.requireNonNull(javaPackage, "javaPackage == null");
        Objects.requireNonNull(lockTimeout, "lockTimeout == null");
        if (!PACKAGE.matcher(javaPackage).matches()) {
            throw new IllegalArgumentException("javaPackage is not a Java package name: \"" + javaPackage + "\"");
        }
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("lockTimeout must be positive: " + lockTimeout);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
    }

    /** The defaults: Flyway's standard locations, package {@code db.migration}, 5 s, 1000 rows. */
    public static GeneratorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The folder of Java migrations: {@code javaOutput} plus the package path. */
    public Path javaPackageFolder() {
        return javaOutput.resolve(javaPackage.replace('.', '/'));
    }

    /** Builds a {@link GeneratorConfig}; unset values keep their defaults. */
    public static final class Builder {
        private Path sqlOutput = Path.of("src/main/resources/db/migration");
        private Path javaOutput = Path.of("src/main/java");
        private String javaPackage = "db.migration";
        private Duration lockTimeout = Duration.ofSeconds(5);
        private int batchSize = 1000;

        private Builder() { }

        public Builder sqlOutput(Path value) {
            this.sqlOutput = value;
            return this;
        }

        /** The Java source root; files go to {@code <javaOutput>/<package path>}. */
        public Builder javaOutput(Path value) {
            this.javaOutput = value;
            return this;
        }

        public Builder javaPackage(String value) {
            this.javaPackage = value;
            return this;
        }

        public Builder lockTimeout(Duration value) {
            this.lockTimeout = value;
            return this;
        }

        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        public GeneratorConfig build() {
            return new GeneratorConfig(sqlOutput, javaOutput, javaPackage, lockTimeout, batchSize);
        }
    }
}
