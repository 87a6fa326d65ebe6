package dev.graft.branch.testcontainers;

import dev.graft.branch.Branch;
import dev.graft.branch.testing.Fixtures;
import java.time.Duration;

/** One container engine per test JVM, and a small seeded parent that tests branch from. */
final class SharedEngine {

    private static ContainerEngine engine;

    private SharedEngine() {
    }

    static ContainerConfig.Builder config() {
        return ContainerConfig.builder().image(DockerCondition.IMAGE).templateWait(Duration.ofMillis(500));
    }

    static synchronized ContainerEngine engine() {
        if (engine == null) {
            engine = ContainerEngine.start(config().build());
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "graft-container-engine-close"));
        }
        return engine;
    }

    /** A fresh root database with one table of three rows, unique to the caller. */
    static Branch seededParent(String prefix) {
        return Fixtures.seededParent(engine(), prefix);
    }
}
