package dev.graft.branch.embedded;

import dev.graft.branch.BranchSpec;
import dev.graft.branch.Seed;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM by {@link AbandonedBranchesTest}: leaves behind what a crashed run leaves,
 * then waits to be killed. Prints READY when it has.
 */
public final class CrashingChild {

    private CrashingChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(Path.of(args[0])).build());
        engine.create(BranchSpec.root("keeper").seed(Seed.sql("CREATE TABLE t (id int)")).build());
        engine.create(BranchSpec.of("short-lived").parent("keeper").ttl(Duration.ofSeconds(1)).build());
        Thread halfMade = new Thread(() -> engine.create(BranchSpec.of("half-made").parent("keeper")
                .seed(Seed.sql("SELECT pg_sleep(600)")).build()));
        halfMade.setDaemon(true);
        halfMade.start();
        Thread.sleep(1500);
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(600_000);
    }
}
