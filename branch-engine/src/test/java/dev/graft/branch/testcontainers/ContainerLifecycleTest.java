package dev.graft.branch.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.graft.branch.Branch;
import dev.graft.branch.BranchException;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/** An engine of its own per test: its container lives exactly as long as the engine. */
@RequiresDocker
class ContainerLifecycleTest {

    @Test
    void closeStopsAndRemovesTheContainerAndClosingTwiceIsHarmless() {
        ContainerEngine engine = ContainerEngine.start(SharedEngine.config().build());
        String id = engine.containerId();
        // Left open on purpose: the container takes its branches with it.
        engine.create(BranchSpec.root(Fixtures.unique("lifecycle")).build());
        assertThat(DockerClientFactory.instance().client().inspectContainerCmd(id).exec().getState().getRunning()).isTrue();

        engine.close();
        engine.close();

        assertThatThrownBy(() -> DockerClientFactory.instance().client().inspectContainerCmd(id).exec())
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> engine.create(BranchSpec.root("after-close").build()))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("after-close");
    }

    @Test
    void twoEnginesHaveTwoContainersThatDoNotShareBranches() {
        try (ContainerEngine other = ContainerEngine.start(SharedEngine.config().build());
             Branch mine = other.create(BranchSpec.root(Fixtures.unique("mine")).build())) {
            assertThat(other.containerId()).isNotEqualTo(SharedEngine.engine().containerId());
            assertThat(other.target().port()).isNotEqualTo(SharedEngine.engine().target().port());
            assertThat(SharedEngine.engine().get(mine.name())).isEmpty();
        }
    }

    @Test
    void anImageThatIsNeitherPresentNorPullableIsAClearError() {
        String absent = "graft/absent-image:never-built";
        assertThatThrownBy(() -> ContainerEngine.start(SharedEngine.config().image(absent).build()))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("image \"" + absent + "\" is not on the Docker engine and cannot be pulled");
    }
}
