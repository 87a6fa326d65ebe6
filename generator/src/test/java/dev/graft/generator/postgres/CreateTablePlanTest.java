package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** create_table: every constraint named as the catalog names it; idempotent. */
class CreateTablePlanTest {

    @Test
    void createsTheTableWithNamedConstraintsOnce() throws Exception {
        try (Scenario s = Scenario.of("create_table", """
                refactorings:
                  - create_table:
                      table: warehouse
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: code, type: varchar(3), nullable: false, unique: true, check: "length(code) = 3" }
                      primary_key: id
                  - create_table:
                      table: bin
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: warehouse_id, type: bigint, references: { table: warehouse, on_delete: cascade } }
                        - { name: label, type: text, default: "'new'", comment: "printed on the shelf" }
                      primary_key: [id]
                """)) {
            s.applyTwice("0", "1");
            assertThat(s.schema()).contains(
                    "constraint warehouse warehouse_code_key UNIQUE (code)",
                    "constraint warehouse warehouse_code_check CHECK ((length((code)::text) = 3))",
                    "constraint bin bin_warehouse_id_fkey FOREIGN KEY (warehouse_id) REFERENCES warehouse(id) ON DELETE CASCADE",
                    "constraint bin bin_pkey PRIMARY KEY (id)",
                    "column bin.label text default 'new'::text comment printed on the shelf");
        }
    }
}
