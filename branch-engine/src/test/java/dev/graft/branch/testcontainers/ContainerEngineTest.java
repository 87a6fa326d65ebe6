package dev.graft.branch.testcontainers;

import static dev.graft.branch.testcontainers.SharedEngine.count;
import static dev.graft.branch.testcontainers.SharedEngine.engine;
import static dev.graft.branch.testcontainers.SharedEngine.execute;
import static dev.graft.branch.testcontainers.SharedEngine.seededParent;
import static dev.graft.branch.testcontainers.SharedEngine.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.graft.branch.Branch;
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
class ContainerEngineTest {

    @Test
    void branchesLiveInTheContainerOfTheChosenImageOnItsPublishedPort() throws SQLException {
        InspectContainerResponse container = DockerClientFactory.instance().client()
                .inspectContainerCmd(engine().containerId()).exec();
        assertThat(container.getState().getRunning()).isTrue();
        assertThat(container.getConfig().getImage()).isEqualTo(DockerCondition.IMAGE);
        assertThat(container.getConfig().getLabels()).containsEntry(ContainerEngine.LABEL, "testcontainers");
        assertThat(engine().kind()).isEqualTo("testcontainers");

        try (Branch parent = seededParent("where")) {
            assertThat(parent.jdbcUrl()).startsWith("jdbc:postgresql://" + engine().target().host() + ":"
                    + engine().target().port() + "/");
            assertThat(engine().target().port()).isNotEqualTo(5432);
            try (Connection c = parent.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int, inet_server_port()")) {
                rs.next();
                assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(180000);
                assertThat(rs.getInt(2)).isEqualTo(5432);
            }
        }
    }

    @Test
    void aWriteOnABranchIsInvisibleToItsParentAndSiblings() throws SQLException {
        try (Branch parent = seededParent("iso");
             Branch left = engine().create(BranchSpec.of(unique("left")).parent(parent.name()).build());
             Branch right = engine().create(BranchSpec.of(unique("right")).parent(parent.name()).build())) {
            execute(left, "INSERT INTO item VALUES (4, 'four')");
            execute(right, "DELETE FROM item");

            assertThat(count(left, "item")).isEqualTo(4);
            assertThat(count(right, "item")).isZero();
            assertThat(count(parent, "item")).isEqualTo(3);
        }
    }

    @Test
    void aBranchOfABranchCopiesTheBranchNotTheRoot() throws SQLException {
        try (Branch root = seededParent("root");
             Branch child = engine().create(BranchSpec.of(unique("child")).parent(root.name()).build())) {
            execute(child, "INSERT INTO item VALUES (10, 'ten')");
            try (Branch grandchild = engine().create(BranchSpec.of(unique("grandchild")).parent(child.name()).build())) {
                assertThat(count(grandchild, "item")).isEqualTo(4);
                assertThat(count(root, "item")).isEqualTo(3);
                assertThat(grandchild.info().parent()).contains(child.name());
            }
        }
    }

    @Test
    void resetThrowsTheBranchChangesAwayAndTakesTheParentsCurrentState() throws SQLException {
        try (Branch parent = seededParent("reset");
             Branch branch = engine().create(BranchSpec.of(unique("reset-me")).parent(parent.name()).build())) {
            execute(branch, "DELETE FROM item");
            execute(parent, "INSERT INTO item VALUES (4, 'four')");

            Branch again = engine().reset(branch.name());

            assertThat(again.name()).isEqualTo(branch.name());
            assertThat(count(again, "item")).isEqualTo(4);
        }
    }

    @Test
    void deleteEndsOpenConnectionsFirst() throws SQLException {
        try (Branch parent = seededParent("del")) {
            Branch branch = engine().create(BranchSpec.of(unique("doomed")).parent(parent.name()).build());
            try (Connection open = branch.connect()) {
                assertThat(engine().delete(branch.name())).isTrue();
                assertThat(engine().get(branch.name())).isEmpty();
                assertThat(open.isValid(2)).isFalse();
            }
            assertThat(engine().delete(branch.name())).isFalse();
        }
    }

    @Test
    void createWithReuseIsIdempotentAndWithFailNamesTheBranch() {
        try (Branch parent = seededParent("exists")) {
            String name = unique("twice");
            try (Branch first = engine().create(BranchSpec.of(name).parent(parent.name()).build())) {
                Branch second = engine().create(BranchSpec.of(name).parent(parent.name()).ifExists(IfExists.REUSE).build());
                assertThat(second.info().createdAt()).isEqualTo(first.info().createdAt());

                assertThatThrownBy(() -> engine().create(BranchSpec.of(name).parent(parent.name()).build()))
                        .isInstanceOf(BranchException.class)
                        .hasMessageContaining("\"" + name + "\" exists already");

                Branch replaced = engine().create(BranchSpec.of(name).parent(parent.name()).ifExists(IfExists.REPLACE).build());
                assertThat(replaced.info().createdAt()).isAfter(first.info().createdAt());
            }
        }
    }

    @Test
    void theCopyIsReportedAsTheProbeInsideTheContainerFoundIt() {
        try (Branch parent = seededParent("honest");
             Branch branch = engine().create(BranchSpec.of(unique("honest")).parent(parent.name()).build())) {
            // The probe ran in the container: it names the container's file system, never a guess.
            assertThat(engine().cloneSupport().fileSystem()).isNotEqualTo("unknown");
            assertThat(engine().cloneSupport().detail()).contains("in the container");
            CopyMethod expected = engine().cloneSupport().observed() ? CopyMethod.CLONE : CopyMethod.FULL_COPY;
            assertThat(branch.copy().method()).isEqualTo(expected);
            assertThat(branch.copy().detail()).contains(engine().cloneSupport().fileSystem());
            assertThat(engine().list()).extracting(BranchInfo::name).contains(parent.name(), branch.name());
        }
    }
}
