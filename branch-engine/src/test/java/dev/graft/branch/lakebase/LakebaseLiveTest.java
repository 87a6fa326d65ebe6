package dev.graft.branch.lakebase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.CopyMethod;
import dev.graft.branch.IfExists;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against a real Lakebase project: runs only when {@code GRAFT_DATABRICKS_HOST},
 * {@code GRAFT_DATABRICKS_TOKEN} and {@code GRAFT_LAKEBASE_PROJECT} are set (optionally
 * {@code GRAFT_LAKEBASE_SOURCE_BRANCH}); makes one short-lived branch and deletes it.
 */
@EnabledIfEnvironmentVariable(named = "GRAFT_DATABRICKS_HOST", matches = ".+", disabledReason = "GRAFT_DATABRICKS_HOST is not set")
@EnabledIfEnvironmentVariable(named = "GRAFT_DATABRICKS_TOKEN", matches = ".+", disabledReason = "GRAFT_DATABRICKS_TOKEN is not set")
@EnabledIfEnvironmentVariable(named = "GRAFT_LAKEBASE_PROJECT", matches = ".+", disabledReason = "GRAFT_LAKEBASE_PROJECT is not set")
class LakebaseLiveTest {

    @Test
    void createsConnectsAndDeletesARealBranch() throws Exception {
        try (LakebaseEngine engine = LakebaseEngine.connect(LakebaseConfig.builder().deadline(Duration.ofMinutes(10)).build())) {
            String name = "graft-live-" + UUID.randomUUID().toString().substring(0, 8);
            try (Branch branch = engine.create(BranchSpec.of(name).ttl(Duration.ofHours(1))
                    .parent(LakebaseConfig.fromEnvironment().sourceBranch()).ifExists(IfExists.REPLACE).build())) {
                assertThat(branch.copy().method()).isEqualTo(CopyMethod.CLONE);
                try (Connection c = branch.connect(); Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("select current_user")) {
                    assertThat(r.next()).isTrue();
                }
                assertThat(engine.get(name)).isPresent();
            }
            assertThat(engine.get(name)).isEmpty();
        }
    }
}
