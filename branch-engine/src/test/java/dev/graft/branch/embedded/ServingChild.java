package dev.graft.branch.embedded;

import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link SharedServerTest}, as {@code mvn graft:branch -Dgraft.serve} runs:
 * starts (or attaches to) the server of a data directory, makes a parent, prints
 * {@code READY <port>} and serves until it is killed.
 */
public final class ServingChild {

    private ServingChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(Path.of(args[0])).build());
        engine.create(BranchSpec.root("served").ifExists(IfExists.REUSE)
                .seed(Seed.sql("CREATE TABLE t (id int); INSERT INTO t VALUES (1), (2), (3);")).build());
        System.out.println("READY " + engine.target().port());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
