package dev.graft.branch.embedded;

import dev.graft.branch.template.CloneSupport;
import dev.graft.branch.template.TemplateBranchEngine;
import dev.graft.branch.template.TemplateTarget;
import java.nio.file.Path;

/**
 * The default engine: needs no install. A real PostgreSQL 18 runs from the binaries on Maven
 * Central; branches are template copies, copy-on-write where the data directory's file system
 * supports reflink clones (reported per branch, never assumed).
 *
 * <pre>{@code
 * try (EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.defaults());
 *      Branch main = engine.create(BranchSpec.root("main").seed(Seed.sql("CREATE TABLE t (id int)")).build());
 *      Branch mine = engine.create(BranchSpec.of("mine").parent("main").build())) {
 *     System.out.println(mine.jdbcUrl() + ": " + mine.copy());
 * }
 * }</pre>
 */
public final class EmbeddedEngine extends TemplateBranchEngine {

    /** The superuser zonky's initdb creates; local connections are trusted. */
    static final String SUPERUSER = "postgres";

    private final EmbeddedServer server;

    private EmbeddedEngine(EmbeddedServer server, EmbeddedConfig config) {
        super("embedded", new TemplateTarget("localhost", server.port(), SUPERUSER, "", "postgres"), config.template(),
                server.cloneSupport());
        this.server = server;
    }

    /**
     * Starts the server for the configured data directory, or attaches to it where another engine
     * of this JVM or another JVM of the project runs it already.
     */
    public static EmbeddedEngine start(EmbeddedConfig config) {
        return new EmbeddedEngine(EmbeddedServer.acquire(config), config);
    }

    public static EmbeddedEngine start() {
        return start(EmbeddedConfig.defaults());
    }

    public Path dataDirectory() {
        return server.dataDirectory();
    }

    /**
     * Stops the server of this engine's data directory now rather than at JVM exit, if this JVM
     * started it: every engine sharing that directory in this JVM, and every JVM attached to it,
     * stops working; use it when the directory itself goes away. A JVM attached to another's
     * server only lets go of it.
     */
    public void stopServer() {
        close();
        EmbeddedServer.stop(server.dataDirectory());
    }

    /** What the reflink probe of the data directory found. */
    public CloneSupport cloneSupport() {
        return server.cloneSupport();
    }
}
