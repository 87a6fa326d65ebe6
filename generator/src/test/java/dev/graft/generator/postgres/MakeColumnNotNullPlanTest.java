package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** make_column_not_null: NULLs filled, validated check, SET NOT NULL, no check left. */
class MakeColumnNotNullPlanTest {

    @Test
    void fillsNullsAndSetsNotNull() throws Exception {
        try (Scenario s = Scenario.of("not_null", Transitions.INVENTORY, """
                refactorings:
                  - make_column_not_null: { table: inventory, column: inventory_code, default_for_nulls: "'UNKNWN000000SN00000000'" }
                """)) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO inventory VALUES (1, 'AMS001B24001SN00000001'), (2, NULL)");
            s.applyTwice("1", "2");
            assertThat(s.query("SELECT inventory_code FROM inventory ORDER BY id"))
                    .containsExactly("AMS001B24001SN00000001", "UNKNWN000000SN00000000");
            assertThat(s.schema()).contains("column inventory.inventory_code character varying(22) not null")
                    .noneMatch(line -> line.contains("graft_"));
        }
    }
}
