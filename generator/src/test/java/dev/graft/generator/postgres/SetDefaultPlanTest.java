package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** set_default: the default in pg_attrdef, new rows get it, old rows are kept, a re-run changes nothing. */
class SetDefaultPlanTest {

    @Test
    void setsTheDefaultForNewRowsOnly() throws Exception {
        try (Scenario s = Scenario.of("set_default", Transitions.INVENTORY, """
                refactorings:
                  - set_default: { table: inventory, column: inventory_code, default: "'UNKNOWN'" }
                """)) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO inventory VALUES (1, NULL)");
            s.applyTwice("1", "2");
            assertThat(ColumnState.defaultOf(s, "inventory", "inventory_code"))
                    .isEqualTo("'UNKNOWN'::character varying");
            s.execute("INSERT INTO inventory (id) VALUES (2)");
            assertThat(s.query("SELECT id || ':' || coalesce(inventory_code, '-') FROM inventory ORDER BY id"))
                    .containsExactly("1:-", "2:UNKNOWN");
        }
    }

    @Test
    void replacesAnExistingDefaultAndTakesVolatileOnes() throws Exception {
        try (Scenario s = Scenario.of("set_default_replace", """
                refactorings:
                  - create_table:
                      table: event
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: at, type: timestamptz, default: "'2000-01-01'" }
                      primary_key: id
                """, """
                refactorings:
                  - set_default: { table: event, column: at, default: "now()" }
                """)) {
            s.applyTwice("1", "2");
            assertThat(ColumnState.defaultOf(s, "event", "at")).isEqualTo("now()");
        }
    }
}
