package dev.graft.verifier;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import dev.graft.branch.embedded.EmbeddedConfig;
import dev.graft.branch.embedded.EmbeddedEngine;
import java.nio.file.Path;

/** One real PostgreSQL 18 per test JVM, in this build's output folder; a root database per test. */
public final class TestEngine {

    private static EmbeddedEngine engine;

    private TestEngine() {
    }

    public static synchronized EmbeddedEngine get() {
        if (engine == null) {
            engine = EmbeddedEngine.start(EmbeddedConfig.builder()
                    .dataDirectory(Path.of(System.getProperty("graft.build.dir", "target"), "graft", "pg")).build());
        }
        return engine;
    }

    /** A fresh root database, replaced if it exists. */
    public static Branch root(String name, Seed seed) {
        return get().create(BranchSpec.root(name).ifExists(IfExists.REPLACE).seed(seed).build());
    }

    /** Asserts that no branch a verification made (named {@code gv-...}) is left on the engine. */
    public static void assertEveryRunBranchIsGone() {
        org.assertj.core.api.Assertions.assertThat(get().list()).extracting(dev.graft.branch.BranchInfo::name)
                .noneMatch(name -> name.startsWith("gv-"));
    }

    /** A scenario folder of the test resources. */
    public static Path scenario(String name) {
        return Path.of("src", "test", "resources", "scenarios", name).toAbsolutePath();
    }
}
