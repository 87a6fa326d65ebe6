package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** drop_column: optional for new writers during the transition, gone after complete. */
class DropColumnPlanTest {

    @Test
    void becomesOptionalThenDisappears() throws Exception {
        try (Scenario s = Scenario.of("drop_column", """
                refactorings:
                  - create_table:
                      table: inventory
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: legacy_code, type: text, nullable: false }
                      primary_key: id
                """, "refactorings:\n  - drop_column: { table: inventory, column: legacy_code }\n",
                "refactorings:\n  - complete: \"2\"\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO inventory VALUES (1, 'X1')");
            s.applyTwice("1", "2");
            s.execute("INSERT INTO inventory (id) VALUES (2)");
            assertThat(s.query("SELECT id || ':' || coalesce(legacy_code, '-') FROM inventory ORDER BY id"))
                    .containsExactly("1:X1", "2:-");
            s.applyTwice("2", "3");
            assertThat(s.schema()).noneMatch(line -> line.contains("legacy_code"));
        }
    }
}
