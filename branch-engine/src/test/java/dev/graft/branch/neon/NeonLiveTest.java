package dev.graft.branch.neon;

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
 * Against a real Neon project: runs only when {@code GRAFT_NEON_API_KEY} and {@code GRAFT_NEON_PROJECT}
 * are set (optionally {@code GRAFT_NEON_PARENT_BRANCH}); makes one short-lived branch and deletes it.
 */
@EnabledIfEnvironmentVariable(named = "GRAFT_NEON_API_KEY", matches = ".+", disabledReason = "GRAFT_NEON_API_KEY is not set")
@EnabledIfEnvironmentVariable(named = "GRAFT_NEON_PROJECT", matches = ".+", disabledReason = "GRAFT_NEON_PROJECT is not set")
class NeonLiveTest {

    @Test
    void createsConnectsResetsAndDeletesARealBranch() throws Exception {
        try (NeonEngine engine = NeonEngine.connect(NeonConfig.builder().deadline(Duration.ofMinutes(5)).build())) {
            String name = "graft-live-" + UUID.randomUUID().toString().substring(0, 8);
            try (Branch branch = engine.create(BranchSpec.of(name).ttl(Duration.ofHours(1))
                    .parent(engine.list().stream().filter(b -> b.parent().isEmpty()).findFirst().orElseThrow().name())
                    .ifExists(IfExists.REPLACE).build())) {
                assertThat(branch.copy().method()).isEqualTo(CopyMethod.CLONE);
                assertThat(branch.info().expiresAt()).isPresent();
                try (Connection c = branch.connect(); Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("select 1")) {
                    assertThat(r.next()).isTrue();
                }
                assertThat(engine.reset(name).jdbcUrl()).isEqualTo(branch.jdbcUrl());
                assertThat(engine.get(name)).isPresent();
            }
            assertThat(engine.get(name)).isEmpty();
        }
    }
}
