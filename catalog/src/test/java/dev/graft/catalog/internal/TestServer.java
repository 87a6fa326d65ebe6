package dev.graft.catalog.internal;

import dev.graft.branch.embedded.EmbeddedConfig;
import dev.graft.branch.embedded.EmbeddedEngine;
import java.nio.file.Path;

/** One embedded PostgreSQL 18 for the tests of this package, started on first use, stopped with the JVM. */
final class TestServer {

    private static EmbeddedEngine engine;

    private TestServer() { }

    static synchronized EmbeddedEngine engine() {
        if (engine == null) {
            engine = EmbeddedEngine.start(EmbeddedConfig.builder()
                    .dataDirectory(Path.of(System.getProperty("graft.build.dir", "target-catalog"), "graft", "internal"))
                    .build());
            EmbeddedEngine started = engine;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "graft-test-server-stop"));
        }
        return engine;
    }
}
