package dev.graft.branch.embedded;

import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link KilledWhileBranchingTest}: starts (or attaches to) the server of a
 * data directory, makes the parent {@code keeper} of 20,000 rows, prints {@code READY}, then
 * creates and drops branches of it in a loop, named {@code <prefix>-<n>}, until it is killed or
 * has done {@code operations} creations; then prints {@code DONE <n>} and waits for its standard
 * input to close.
 */
public final class BranchChurningChild {

    static final String SEED = "CREATE TABLE t (id int PRIMARY KEY, v text);"
            + " INSERT INTO t SELECT g, md5(g::text) FROM generate_series(1, 20000) g;";
    static final long SEEDED_ROWS = 20_000;

    private BranchChurningChild() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String prefix = args[1];
        int operations = Integer.parseInt(args[2]);
        EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(data).build());
        engine.create(BranchSpec.root("keeper").ifExists(IfExists.REUSE).seed(Seed.sql(SEED)).build());
        System.out.println("READY");
        System.out.flush();
        int done = 0;
        for (int i = 0; i < operations; i++) {
            engine.create(BranchSpec.of(prefix + "-" + i).parent("keeper").ifExists(IfExists.REPLACE).build());
            done++;
            if (i % 2 == 1) {
                engine.delete(prefix + "-" + (i - 1));
            }
        }
        System.out.println("DONE " + done);
        System.out.flush();
        System.in.read();
        engine.close();
    }
}
