package dev.graft.branch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.BranchInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A JVM killed mid-run leaves a server, an expiring branch and a half-made one; the next start cleans up. */
class AbandonedBranchesTest {

    @Test
    void theNextEngineStartRemovesExpiredAndHalfMadeBranchesOfAKilledJvm() throws Exception {
        Path data = Path.of("target", "graft", "crash-test-" + java.util.UUID.randomUUID()).toAbsolutePath();
        Process child = ChildJvm.start(CrashingChild.class, "READY", data.toString()).process();
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
