package dev.graft.branch.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.branch.template.CopyStrategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ContainerConfigTest {

    @Test
    void defaultsAreTheOfficialImageAndARandomPasswordThatToStringHides() {
        ContainerConfig first = ContainerConfig.defaults();
        ContainerConfig second = ContainerConfig.defaults();

        assertThat(first.image()).isEqualTo("postgres:18");
        assertThat(first.password()).hasSize(36).isNotEqualTo(second.password());
        assertThat(first.toString()).doesNotContain(first.password()).contains("password=(hidden)");
        assertThat(first.dockerHost()).isEmpty();
    }

    @Test
    void theBuilderSetsTemplateSettingsLikeEveryEngine() {
        ContainerConfig config = ContainerConfig.builder().image("postgis/postgis:17-3.5").user("app").password("secret")
                .copyStrategy(CopyStrategy.WAL_LOG).terminateBlockers(true).startupTimeout(Duration.ofSeconds(30)).build();

        assertThat(config.template().copyStrategy()).isEqualTo(CopyStrategy.WAL_LOG);
        assertThat(config.template().terminateBlockers()).isTrue();
        assertThat(config.user()).isEqualTo("app");
        assertThat(config.startupTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void invalidValuesNameTheArgument() {
        assertThatThrownBy(() -> ContainerConfig.builder().image(" ").build()).hasMessage("image is blank");
        assertThatThrownBy(() -> ContainerConfig.builder().password("").build()).hasMessage("password is empty");
        assertThatThrownBy(() -> ContainerConfig.builder().startupTimeout(Duration.ZERO).build())
                .hasMessageContaining("startupTimeout must be positive");
        assertThatThrownBy(() -> ContainerConfig.builder().image(null)).hasMessage("image == null");
    }
}
