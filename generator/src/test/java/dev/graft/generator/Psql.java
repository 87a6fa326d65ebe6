package dev.graft.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Stock {@code psql -f} on a branch, as an operator runs a generated file by hand. */
public final class Psql {

    private static final Path PSQL = Path.of("/usr/bin/psql");

    private Psql() { }

    /** Skips the test where psql is not installed (fails in CI, which installs it). */
    public static void assumeInstalled() {
        boolean psql = Files.isExecutable(PSQL);
        if (!psql && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("psql is missing in CI: .ci/run installs postgresql-client");
        }
        Assumptions.assumeTrue(psql, "skipped: no /usr/bin/psql (apt-get install postgresql-client)");
    }

    /** Starts {@code psql -f file} with ON_ERROR_STOP, its output merged into its standard output. */
    public static Process start(Branch branch, Path file) throws IOException {
        String url = branch.jdbcUrl().replace("jdbc:postgresql://", "");
        String hostPort = url.substring(0, url.indexOf('/'));
        return new ProcessBuilder(PSQL.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", hostPort.split(":")[0], "-p", hostPort.split(":")[1], "-U", branch.user(), "-d", branch.name(),
                "-f", file.toString()).redirectErrorStream(true).start();
    }

    /** Runs {@code psql -f file} and asserts it exits 0. */
    public static void run(Branch branch, Path file) throws Exception {
        Process process = start(branch, file);
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("psql -f %s said:%n%s", file.getFileName(), output).isZero();
    }
}
