package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** insert_data: upserts by key, by the primary key and by a key without constraint. */
class InsertDataPlanTest {

    @Test
    void upsertsByKey() throws Exception {
        try (Scenario s = Scenario.of("insert_data", """
                refactorings:
                  - create_table:
                      table: warehouse
                      columns:
                        - { name: code, type: varchar(3), nullable: false }
                        - { name: name, type: text }
                        - { name: opened, type: date }
                      primary_key: code
                  - create_table:
                      table: tag
                      columns: [ { name: label, type: text }, { name: note, type: text } ]
                """, """
                refactorings:
                  - insert_data:
                      table: warehouse
                      rows:
                        - { code: "AMS", name: "Amsterdam", opened: { value: "date '2024-03-01'" } }
                        - { code: "LIS", name: "O'Lisbon" }
                  - insert_data:
                      table: tag
                      key: [label]
                      rows:
                        - { label: "fragile", note: "handle with care" }
                """)) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO warehouse VALUES ('AMS', 'old name', NULL)");
            s.applyTwice("1", "2");
            assertThat(s.data()).containsExactly("tag (fragile,\"handle with care\")",
                    "warehouse (AMS,Amsterdam,2024-03-01)", "warehouse (LIS,O'Lisbon,)");
        }
    }
}
