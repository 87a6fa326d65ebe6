package dev.graft.generator;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.embedded.EmbeddedConfig;
import dev.graft.branch.embedded.EmbeddedEngine;
import java.nio.file.Path;
import java.util.Locale;

/** One embedded PostgreSQL 18 per test JVM; a fresh root branch per test. */
public final class TestDatabase {

    private static EmbeddedEngine engine;

    private TestDatabase() { }

    /** The engine, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedEngine engine() {
        if (engine == null) {
            engine = EmbeddedEngine.start(EmbeddedConfig.builder()
                    .dataDirectory(Path.of(System.getProperty("graft.build.dir", "target-gen"), "graft", "pg")).build());
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
        }
        return engine;
    }

    /** A branch of {@code parent} as it is now, named after the test. */
    public static Branch branchOf(Branch parent, String name) {
        return engine().create(BranchSpec.of("gen_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_"))
                .parent(parent.name()).ifExists(IfExists.REPLACE).build());
    }

    /** An empty branch named after the test. */
    public static Branch branch(String name) {
        return engine().create(BranchSpec.root("gen_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_"))
                .ifExists(IfExists.REPLACE).build());
    }
}
