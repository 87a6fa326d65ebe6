package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** complete: every transition of the version, triggers first, in one statement. */
class CompletePlanTest {

    @Test
    void endsEveryTransitionOfTheVersionAtomically() throws Exception {
        try (Scenario s = Scenario.of("complete", """
                refactorings:
                  - create_table:
                      table: inventory
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: code, type: text }
                        - { name: note, type: text }
                      primary_key: id
                """, """
                refactorings:
                  - rename_column: { table: inventory, from: code, to: inventory_code }
                  - drop_column: { table: inventory, column: note }
                """, "refactorings:\n  - complete: \"2\"\n")) {
            s.migrate("2", "flyway_schema_history");
            String contract = s.sql("3");
            assertThat(contract.indexOf("DROP TRIGGER")).isLessThan(contract.indexOf("DROP COLUMN"));
            assertThat(contract.split("\nDO ", -1)).hasSize(2);
            s.applyTwice("2", "3");
            assertThat(s.schema()).containsExactly("column inventory.id bigint not null",
                    "column inventory.inventory_code text", "constraint inventory inventory_id_not_null NOT NULL id",
                    "constraint inventory inventory_pkey PRIMARY KEY (id)",
                    "index CREATE UNIQUE INDEX inventory_pkey ON public.inventory USING btree (id)");
        }
    }
}
