package dev.graft.branch.embedded;

import static dev.graft.branch.embedded.TestEngine.engine;
import static dev.graft.branch.embedded.TestEngine.seededParent;
import static dev.graft.branch.testing.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchException;
import dev.graft.branch.BranchInfo;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.testing.Fixtures;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** PostgreSQL will not copy a database others are connected to (55006): wait, then name them or end them. */
class BlockingSessionsTest {

    @Test
    void aParentWithOtherSessionsFailsNamingThem() throws Exception {
        try (Branch parent = seededParent("busy"); Connection blocker = connect(parent, "report-writer")) {
            String name = unique("blocked");
            assertThatThrownBy(() -> engine().create(BranchSpec.of(name).parent(parent.name()).build()))
                    .isInstanceOf(BranchException.class)
                    .hasMessageContaining("other sessions are connected to it")
                    .hasMessageContaining("application_name \"report-writer\"")
                    .hasMessageContaining("pid ");
            assertThat(engine().list()).extracting(BranchInfo::name).doesNotContain(name)
                    .noneMatch(n -> n.startsWith("graft_tmp_"));
            assertThat(blocker.isValid(2)).isTrue();
        }
    }

    @Test
    void anEngineToldToTerminateBlockersEndsThemAndCopies() throws Exception {
        EmbeddedEngine terminating = EmbeddedEngine.start(EmbeddedConfig.builder().dataDirectory(TestEngine.DATA)
                .templateWait(Duration.ofMillis(200)).terminateBlockers(true).build());
        try (Branch parent = seededParent("busy2"); Connection blocker = connect(parent, "idle-tool");
             Branch branch = terminating.create(BranchSpec.of(unique("unblocked")).parent(parent.name()).build())) {
            assertThat(Fixtures.count(branch, "item")).isEqualTo(3);
            assertThat(blocker.isValid(2)).isFalse();
        }
    }

    private static Connection connect(Branch branch, String applicationName) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", branch.user());
        properties.setProperty("password", branch.password());
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(branch.jdbcUrl(), properties);
    }
}
