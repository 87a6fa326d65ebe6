package dev.graft.branch.embedded;

import dev.graft.branch.Branch;
import dev.graft.branch.testing.Fixtures;
import java.nio.file.Path;
import java.time.Duration;

/** One embedded server per test JVM, and a small seeded parent that tests branch from. */
final class TestEngine {

    static final Path DATA = Path.of("target", "graft", "test-postgres");
    private static EmbeddedEngine engine;

    private TestEngine() {
    }

    static synchronized EmbeddedEngine engine() {
        if (engine == null) {
            engine = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(DATA).templateWait(Duration.ofMillis(500)).build());
        }
        return engine;
    }

    /** A fresh root database with one table of three rows, unique to the caller. */
    static Branch seededParent(String prefix) {
        return Fixtures.seededParent(engine(), prefix);
    }
}
