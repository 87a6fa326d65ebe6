package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** drop_default: no pg_attrdef row left, new rows get NULL, a re-run (or a column without one) is a no-op. */
class DropDefaultPlanTest {

    @Test
    void dropsTheDefault() throws Exception {
        try (Scenario s = Scenario.of("drop_default", """
                refactorings:
                  - create_table:
                      table: inventory
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: status, type: text, default: "'new'" }
                        - { name: note, type: text }
                      primary_key: id
                """, """
                refactorings:
                  - drop_default: { table: inventory, column: status }
                  - drop_default: { table: inventory, column: note }
                """)) {
            s.migrate("1", "flyway_schema_history");
            assertThat(ColumnState.defaultOf(s, "inventory", "status")).isEqualTo("'new'::text");
            s.execute("INSERT INTO inventory (id) VALUES (1)");
            s.applyTwice("1", "2");
            assertThat(ColumnState.defaultOf(s, "inventory", "status")).isEqualTo("<none>");
            assertThat(ColumnState.defaultOf(s, "inventory", "note")).isEqualTo("<none>");
            s.execute("INSERT INTO inventory (id) VALUES (2)");
            assertThat(s.query("SELECT id || ':' || coalesce(status, '-') FROM inventory ORDER BY id"))
                    .containsExactly("1:new", "2:-");
        }
    }
}
