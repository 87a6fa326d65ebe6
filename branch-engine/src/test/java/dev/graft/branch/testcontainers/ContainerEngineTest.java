package dev.graft.branch.testcontainers;

import static dev.graft.branch.testing.Fixtures.count;
import static dev.graft.branch.testing.Fixtures.execute;
import static dev.graft.branch.testing.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngineContract;
import dev.graft.branch.BranchException;
import dev.graft.branch.BranchInfo;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.CopyMethod;
import dev.graft.branch.IfExists;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/** The engine's whole behaviour, in one real container shared by the tests of this JVM. */
@RequiresDocker
class ContainerEngineTest extends BranchEngineContract {

    @Override
    protected ContainerEngine engine() {
        return SharedEngine.engine();
    }


    @Test
    void branchesLiveInTheContainerOfTheChosenImageOnItsPublishedPort() throws SQLException {
        InspectContainerResponse container = DockerClientFactory.instance().client()
                .inspectContainerCmd(SharedEngine.engine().containerId()).exec();
        assertThat(container.getState().getRunning()).isTrue();
        assertThat(container.getConfig().getImage()).isEqualTo(DockerCondition.IMAGE);
        assertThat(container.getConfig().getLabels()).containsEntry(ContainerEngine.LABEL, "testcontainers");
        assertThat(engine().kind()).isEqualTo("testcontainers");

        try (Branch parent = seededParent("where")) {
            assertThat(parent.jdbcUrl()).startsWith("jdbc:postgresql://" + SharedEngine.engine().target().host() + ":"
                    + SharedEngine.engine().target().port() + "/");
            assertThat(SharedEngine.engine().target().port()).isNotEqualTo(5432);
            try (Connection c = parent.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int, inet_server_port()")) {
                rs.next();
                assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(180000);
                assertThat(rs.getInt(2)).isEqualTo(5432);
            }
        }
    }

    @Test
    void theCopyIsReportedAsTheProbeInsideTheContainerFoundIt() {
        try (Branch parent = seededParent("honest");
             Branch branch = engine().create(BranchSpec.of(unique("honest")).parent(parent.name()).build())) {
            // The probe ran in the container: it names the container's file system, never a guess.
            assertThat(SharedEngine.engine().cloneSupport().fileSystem()).isNotEqualTo("unknown");
            assertThat(SharedEngine.engine().cloneSupport().detail()).contains("in the container");
            CopyMethod expected = SharedEngine.engine().cloneSupport().observed() ? CopyMethod.CLONE : CopyMethod.FULL_COPY;
            assertThat(branch.copy().method()).isEqualTo(expected);
            assertThat(branch.copy().detail()).contains(SharedEngine.engine().cloneSupport().fileSystem());
            assertThat(engine().list()).extracting(BranchInfo::name).contains(parent.name(), branch.name());
        }
    }
}
