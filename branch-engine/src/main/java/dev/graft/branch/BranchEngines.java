package dev.graft.branch;

import dev.graft.branch.embedded.EmbeddedConfig;
import dev.graft.branch.embedded.EmbeddedEngine;
import dev.graft.branch.lakebase.LakebaseConfig;
import dev.graft.branch.lakebase.LakebaseEngine;
import dev.graft.branch.neon.NeonConfig;
import dev.graft.branch.neon.NeonEngine;
import dev.graft.branch.server.ServerConfig;
import dev.graft.branch.server.ServerEngine;
import dev.graft.branch.testcontainers.ContainerConfig;
import dev.graft.branch.testcontainers.ContainerEngine;

/** Opens the engine that {@link EngineSettings} names: the one place tools map a kind onto an engine. */
public final class BranchEngines {

    /** The kinds {@link #open(EngineSettings)} knows. */
    public static final String KINDS = "embedded, server, neon, lakebase, testcontainers";

    private BranchEngines() {
    }

    public static BranchEngine open(EngineSettings settings) {
        return switch (settings.kind()) {
            case "embedded" -> EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(settings.dataDirectory()).build());
            case "server" -> ServerEngine.connect(ServerConfig.builder(settings.url().orElseThrow(() ->
                            new BranchException("the server engine needs a JDBC URL (graft.url), e.g. "
                                    + "jdbc:postgresql://localhost:5432/postgres")))
                    .user(settings.user()).password(settings.password()).build());
            case "neon" -> NeonEngine.connect(NeonConfig.fromEnvironment());
            case "lakebase" -> LakebaseEngine.connect(LakebaseConfig.fromEnvironment());
            case "testcontainers" -> container(settings);
            default -> throw new BranchException("unknown engine \"" + settings.kind() + "\"; choose one of " + KINDS);
        };
    }

    private static BranchEngine container(EngineSettings settings) {
        try {
            return ContainerEngine.start(ContainerConfig.builder()
                    .image(settings.image().orElse(ContainerConfig.DEFAULT_IMAGE)).build());
        } catch (NoClassDefFoundError e) {
            // Testcontainers is optional: only users of this engine add it.
            throw new BranchException("the testcontainers engine needs org.testcontainers:testcontainers-postgresql"
                    + " on the classpath (Maven: a <dependency> of the graft-maven-plugin; tests: a test dependency);"
                    + " missing: " + e.getMessage(), e);
        }
    }
}
