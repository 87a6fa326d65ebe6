package dev.graft.branch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.BranchInfo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A JVM killed mid-run leaves a server, an expiring branch and a half-made one; the next start cleans up. */
class AbandonedBranchesTest {

    @Test
    void theNextEngineStartRemovesExpiredAndHalfMadeBranchesOfAKilledJvm() throws Exception {
        Path data = Path.of("target", "graft", "crash-test-" + java.util.UUID.randomUUID()).toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingChild.class.getName(), data.toString()).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) {
            output.append(line).append('\n');
        }
        assertThat(line).as("the child JVM got ready; it printed:%n%s", output).isEqualTo("READY");
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(1000);

        EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(data).build());
        try {
            List<String> names = engine.list().stream().map(BranchInfo::name).toList();
            assertThat(names).contains("keeper").doesNotContain("short-lived", "half-made");
            assertThat(names).noneMatch(n -> n.startsWith("graft_tmp_"));
            assertThat(engine.get("short-lived")).isEmpty();
        } finally {
            engine.stopServer();
        }
    }
}
