package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** drop_table: untouched during the transition, dropped by complete. */
class DropTablePlanTest {

    @Test
    void staysReadableThenIsDropped() throws Exception {
        try (Scenario s = Scenario.of("drop_table", Transitions.INVENTORY,
                "refactorings:\n  - drop_table: { table: inventory }\n", "refactorings:\n  - complete: \"2\"\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO inventory VALUES (1, 'AMS001B24001SN00000001')");
            s.applyTwice("1", "2");
            assertThat(s.query("SELECT inventory_code FROM inventory")).containsExactly("AMS001B24001SN00000001");
            s.applyTwice("2", "3");
            assertThat(s.schema()).noneMatch(line -> line.contains("inventory"));
        }
    }
}
