package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** update_data: only rows whose values differ; in batches with backfill. */
class UpdateDataPlanTest {

    @Test
    void updatesMatchingRowsOnce() throws Exception {
        try (Scenario s = Scenario.of("update_data", Transitions.INVENTORY, """
                refactorings:
                  - update_data:
                      table: inventory
                      set: { inventory_code: "upper(inventory_code)" }
                      where: "inventory_code LIKE 'ams%'"
                """)) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO inventory VALUES (1, 'ams001b24001sn00000001'), (2, 'lis002b24117sn00004242'), (3, NULL)");
            s.applyTwice("1", "2");
            assertThat(s.query("SELECT coalesce(inventory_code, '-') FROM inventory ORDER BY id"))
                    .containsExactly("AMS001B24001SN00000001", "lis002b24117sn00004242", "-");
        }
    }
}
