package dev.graft.branch.embedded;

import static dev.graft.branch.testing.Fixtures.count;
import static dev.graft.branch.testing.Fixtures.execute;
import static dev.graft.branch.testing.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngineContract;
import dev.graft.branch.BranchException;
import dev.graft.branch.BranchInfo;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.CopyMethod;
import dev.graft.branch.IfExists;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The embedded engine: the contract every engine keeps, and what only this one does. */
class EmbeddedEngineTest extends BranchEngineContract {

    @Override
    protected EmbeddedEngine engine() {
        return TestEngine.engine();
    }

    @Test
    void aBranchReportsItsParentExpiryAndHowItWasCopied() {
        try (Branch parent = seededParent("info");
             Branch branch = engine().create(BranchSpec.of(unique("info")).parent(parent.name())
                     .ttl(Duration.ofMinutes(5)).build())) {
            BranchInfo info = branch.info();
            assertThat(info.parent()).contains(parent.name());
            assertThat(info.expiresAt()).contains(info.createdAt().plus(Duration.ofMinutes(5)));
            CopyMethod expected = engine().cloneSupport().observed() ? CopyMethod.CLONE : CopyMethod.FULL_COPY;
            assertThat(info.copy().method()).isEqualTo(expected);
            assertThat(info.copy().detail()).contains(engine().cloneSupport().fileSystem());
            assertThat(parent.copy().method()).isEqualTo(CopyMethod.NONE);
            assertThat(engine().list()).extracting(BranchInfo::name).contains(parent.name(), branch.name());
        }
    }

    @Test
    void aBranchOutlivingItsEngineHandleStillDeletesItself() {
        EmbeddedEngine shortLived = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(TestEngine.DATA).build());
        Branch parent = seededParent("outlive");
        Branch branch = shortLived.create(BranchSpec.of(unique("outlive")).parent(parent.name()).build());
        shortLived.close();
        branch.close();
        parent.close();
        assertThat(engine().get(branch.name())).isEmpty();
    }

    /**
     * A server killed during a branch's DROP DATABASE leaves it invalid (datconnlimit -2): it takes
     * no connection, so it is not listed, and the next start finishes the drop.
     */
    @Test
    void aBranchLeftHalfDroppedByAKilledServerIsNotListedAndTheNextStartDropsIt() throws SQLException {
        Branch parent = seededParent("halfdropped");
        Branch branch = engine().create(BranchSpec.of(unique("halfdropped")).parent(parent.name()).build());
        execute(parent, "UPDATE pg_catalog.pg_database SET datconnlimit = -2 WHERE datname = '" + branch.name() + "'");
        try {
            assertThat(engine().list()).extracting(BranchInfo::name).contains(parent.name())
                    .doesNotContain(branch.name());
            EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(TestEngine.DATA).build()).close();
            assertThat(count(parent, "pg_catalog.pg_database WHERE datname = '" + branch.name() + "'")).isZero();
        } finally {
            parent.close();
        }
    }

    @Test
    void aDatabaseGraftDidNotMakeIsNeverDeleted() {
        assertThatThrownBy(() -> engine().delete("postgres"))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("Graft did not make");
    }

}
