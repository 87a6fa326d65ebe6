package dev.graft.branch.testcontainers;

import static dev.graft.branch.testing.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchEngines;
import dev.graft.branch.BranchException;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.EngineSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tools (Maven goals, JUnit) open this engine by kind and image, as {@code -Dgraft.engine=testcontainers}. */
@RequiresDocker
class ToolSettingsTest {

    private static EngineSettings settings(String image) {
        return new EngineSettings("TestContainers", Path.of("unused"), Optional.empty(), "postgres", "",
                Optional.of(image));
    }

    @Test
    void theKindOpensAContainerOfTheNamedImage() throws Exception {
        try (BranchEngine engine = BranchEngines.open(settings(DockerCondition.IMAGE))) {
            assertThat(engine).isInstanceOf(ContainerEngine.class);
            assertThat(engine.kind()).isEqualTo("testcontainers");
            try (Branch root = engine.create(BranchSpec.root(unique("tool")).build());
                 Connection c = root.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int")) {
                rs.next();
                assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(180000);
            }
        }
    }

    @Test
    void anImageTheDockerEngineCannotHaveIsNamed() {
        String image = "graft/no-such-image:" + unique("v");
        assertThatThrownBy(() -> BranchEngines.open(settings(image)))
                .isInstanceOf(BranchException.class)
                .hasMessageStartingWith("image \"" + image + "\" is not on the Docker engine");
    }
}
