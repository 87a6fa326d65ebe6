package dev.graft.branch.lakebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LakebaseConfigTest {

    private static final Map<String, String> ENV = Map.of("GRAFT_DATABRICKS_HOST", "adb-123.4.azuredatabricks.net",
            "DATABRICKS_HOST", "https://other.cloud.databricks.com", "GRAFT_DATABRICKS_TOKEN", "graft-token",
            "DATABRICKS_TOKEN", "dbx-token", "GRAFT_LAKEBASE_PROJECT", "orders");

    @Test
    void readsTheEnvironmentPreferringGraftNamesAndNormalizesTheHost() {
        LakebaseConfig config = LakebaseConfig.builder().environment(ENV::get).build();
        assertThat(config.host()).isEqualTo(URI.create("https://adb-123.4.azuredatabricks.net"));
        assertThat(config.token().reveal()).isEqualTo("graft-token");
        assertThat(config.project()).isEqualTo("orders");
        assertThat(config.sourceBranch()).isEqualTo("production");
        assertThat(config.database()).isEqualTo("databricks_postgres");
        assertThat(config.credentialTtl()).isEqualTo(Duration.ofHours(1));

        LakebaseConfig fallback = LakebaseConfig.builder()
                .environment(Map.of("DATABRICKS_HOST", "https://x.cloud.databricks.com/", "DATABRICKS_TOKEN", "t")::get)
                .project("p").build();
        assertThat(fallback.host()).isEqualTo(URI.create("https://x.cloud.databricks.com"));
        assertThat(fallback.token().reveal()).isEqualTo("t");
    }

    @Test
    void refusesMissingSettingsNamingTheVariables() {
        assertThatThrownBy(() -> LakebaseConfig.builder().environment(n -> null).token("t").project("p").build())
                .hasMessage("lakebase: no workspace host: call host(...) or set GRAFT_DATABRICKS_HOST (or DATABRICKS_HOST)");
        assertThatThrownBy(() -> LakebaseConfig.builder().environment(n -> null).host("h").project("p").build())
                .hasMessage("lakebase: no token: call token(...) or set GRAFT_DATABRICKS_TOKEN (or DATABRICKS_TOKEN)");
        assertThatThrownBy(() -> LakebaseConfig.builder().environment(n -> null).host("h").token("t").build())
                .hasMessage("lakebase: no project: call project(...) or set GRAFT_LAKEBASE_PROJECT");
    }

    @Test
    void keepsCredentialLifetimesInsideWhatTheServiceAllows() {
        LakebaseConfig.Builder builder = LakebaseConfig.builder().environment(ENV::get);
        assertThatThrownBy(() -> builder.credentials(Duration.ofMinutes(4), Duration.ofMinutes(1)).build())
                .hasMessageContaining("credentialTtl must lie between 5 minutes and 1 hour");
        assertThatThrownBy(() -> builder.credentials(Duration.ofMinutes(10), Duration.ofMinutes(10)).build())
                .hasMessageContaining("refreshMargin must lie between 0 and credentialTtl");
        assertThat(builder.credentials(Duration.ofMinutes(30), Duration.ofMinutes(10)).build().refreshMargin())
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void refusesPlainHttpAndBadIds() {
        assertThatThrownBy(() -> LakebaseConfig.builder().environment(ENV::get).host("http://adb-1.azuredatabricks.net").build())
                .hasMessageContaining("must use https");
        assertThatThrownBy(() -> LakebaseConfig.builder().environment(ENV::get).sourceBranch("Main_Branch").build())
                .hasMessageContaining("sourceBranch must be a branch id");
        assertThatThrownBy(() -> new LakebaseEndpoint("RW", java.util.Optional.empty(), java.util.Optional.empty()))
                .hasMessageContaining("endpoint id must be");
    }

    @Test
    void toStringMasksTheToken() {
        assertThat(LakebaseConfig.builder().environment(ENV::get).build().toString())
                .doesNotContain("graft-token").contains("token=****");
    }
}
