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

    @Test
    void onCompleteRunsOnlyInTheCompleteOfItsVersion() throws Exception {
        try (Scenario s = Scenario.of("sql_on_complete", Transitions.INVENTORY, """
                refactorings:
                  - sql:
                      up: |
                        ALTER TABLE inventory ADD COLUMN IF NOT EXISTS sku text;
                        COMMENT ON COLUMN inventory.inventory_code IS 'deprecated: read sku'
                      on_complete: |
                        ALTER TABLE inventory DROP COLUMN IF EXISTS inventory_code
                """, """
                refactorings:
                  - complete: "2"
                """)) {
            s.applyTwice("1", "2");
            assertThat(s.query("SELECT attname FROM pg_attribute WHERE attrelid = 'inventory'::regclass"
                    + " AND attnum > 0 AND NOT attisdropped ORDER BY attnum")).containsExactly("id", "inventory_code", "sku");
            assertThat(s.sql("2")).doesNotContain("DROP COLUMN");
            s.applyTwice("2", "3");
            assertThat(s.query("SELECT attname FROM pg_attribute WHERE attrelid = 'inventory'::regclass"
                    + " AND attnum > 0 AND NOT attisdropped ORDER BY attnum")).containsExactly("id", "sku");
            assertThat(s.sql("3")).contains("ALTER TABLE inventory DROP COLUMN IF EXISTS inventory_code;");
        }
    }
}
