package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** sql: the script as written, between the lock timeout lines. */
class SqlPlanTest {

    @Test
    void runsTheScriptAsWritten() throws Exception {
        try (Scenario s = Scenario.of("sql", Transitions.INVENTORY, """
                refactorings:
                  - sql:
                      up: |
                        CREATE INDEX IF NOT EXISTS inventory_code_idx ON inventory (inventory_code);
                        COMMENT ON TABLE inventory IS 'stock items'
                """)) {
            s.applyTwice("0", "2");
            assertThat(s.sql("2")).contains("COMMENT ON TABLE inventory IS 'stock items';\n\nRESET lock_timeout;");
            assertThat(s.schema()).contains("comment inventory stock items");
        }
    }
}
