package dev.graft.branch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.CopyMethod;
import dev.graft.branch.Seed;
import dev.graft.branch.testing.Fixtures;
import dev.graft.branch.testing.XfsLoopMount;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The promise of the whole project: a branch of a large database on a reflink file system costs almost nothing. */
class CopyOnWriteTest {

    private static final long MB = 1024 * 1024;

    @Test
    void aBranchOfA500MbParentOnXfsIsACloneAddingUnder5Mb() throws Exception {
        Assumptions.assumeTrue(XfsLoopMount.unavailableReason().isEmpty(),
                () -> "skipped: " + XfsLoopMount.unavailableReason().orElse("") + " (CI installs xfsprogs and runs as root)");
        try (XfsLoopMount xfs = XfsLoopMount.create(Path.of("target", "graft", "xfs-test").toAbsolutePath(), 3072 * MB)) {
            EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.builder()
                    .dataDirectory(xfs.mountPoint().resolve("pgdata")).build());
            try {
                assertThat(engine.cloneSupport().observed()).as(engine.cloneSupport().detail()).isTrue();
                Branch parent = engine.create(BranchSpec.root("big").seed(Seed.sql(
                        "CREATE TABLE filler (id int PRIMARY KEY, payload text NOT NULL);"
                                + "INSERT INTO filler SELECT g, repeat(md5(g::text), 16) FROM generate_series(1, 1000000) g;"))
                        .build());
                assertThat(databaseSize(parent)).isGreaterThan(500 * MB);

                long before = xfs.usedBytes();
                Branch branch = engine.create(BranchSpec.of("big-clone").parent("big").build());
                long added = xfs.usedBytes() - before;

                assertThat(branch.copy().method()).isEqualTo(CopyMethod.CLONE);
                assertThat(added).as("bytes added by the branch").isLessThan(5 * MB);
                assertThat(Fixtures.count(branch, "filler")).isEqualTo(1_000_000);
            } finally {
                engine.stopServer();
            }
        }
    }

    private static long databaseSize(Branch branch) throws Exception {
        try (Connection c = branch.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
