package dev.graft.branch.neon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NeonConfigTest {

    @Test
    void readsKeyProjectAndParentFromTheEnvironmentPreferringGraftNames() {
        Map<String, String> env = Map.of("GRAFT_NEON_API_KEY", "graft-key", "NEON_API_KEY", "neon-key",
                "GRAFT_NEON_PROJECT", "plain-fog-1", "GRAFT_NEON_PARENT_BRANCH", "production");
        NeonConfig config = NeonConfig.builder().environment(env::get).build();

        assertThat(config.apiKey().reveal()).isEqualTo("graft-key");
        assertThat(config.projectId()).isEqualTo("plain-fog-1");
        assertThat(config.parentBranch()).contains("production");
        assertThat(config.baseUrl()).isEqualTo(URI.create("https://console.neon.tech/api/v2"));
        assertThat(config.defaultTtl()).isEmpty();

        NeonConfig fallback = NeonConfig.builder().environment(Map.of("NEON_API_KEY", "neon-key")::get)
                .projectId("p-1").build();
        assertThat(fallback.apiKey().reveal()).isEqualTo("neon-key");
    }

    @Test
    void explicitValuesWinOverTheEnvironment() {
        NeonConfig config = NeonConfig.builder().environment(Map.of("GRAFT_NEON_API_KEY", "env-key")::get)
                .apiKey("given-key").projectId("p-1").build();
        assertThat(config.apiKey().reveal()).isEqualTo("given-key");
    }

    @Test
    void refusesMissingKeyOrProjectNamingTheVariables() {
        assertThatThrownBy(() -> NeonConfig.builder().environment(name -> null).projectId("p-1").build())
                .hasMessage("neon: no API key: call apiKey(...) or set GRAFT_NEON_API_KEY (or NEON_API_KEY)");
        assertThatThrownBy(() -> NeonConfig.builder().environment(name -> null).apiKey("k").build())
                .hasMessage("neon: no project: call projectId(...) or set GRAFT_NEON_PROJECT");
    }

    @Test
    void refusesPlainHttpExceptToThisMachine() {
        assertThatThrownBy(() -> NeonConfig.builder().environment(name -> null).apiKey("k").projectId("p-1")
                .baseUrl(URI.create("http://console.neon.tech/api/v2")).build())
                .hasMessageContaining("must use https");
        assertThat(NeonConfig.builder().environment(name -> null).apiKey("k").projectId("p-1")
                .baseUrl(URI.create("http://127.0.0.1:8080/api/v2")).build().baseUrl().getPort()).isEqualTo(8080);
    }

    @Test
    void refusesABadProjectIdAndInvertedComputeLimits() {
        assertThatThrownBy(() -> NeonConfig.builder().environment(name -> null).apiKey("k").projectId("My Project").build())
                .hasMessageContaining("projectId must be a Neon project id");
        assertThatThrownBy(() -> NeonEndpoint.autoscaling(2, 1)).hasMessage("minCu 2.0 > maxCu 1.0");
    }

    @Test
    void toStringMasksTheKey() {
        NeonConfig config = NeonConfig.builder().environment(name -> null).apiKey("super-secret-key").projectId("p-1").build();
        assertThat(config.toString()).doesNotContain("super-secret-key").contains("apiKey=****");
    }
}
