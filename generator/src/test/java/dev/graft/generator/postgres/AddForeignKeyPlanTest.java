package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.generator.Scenario;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** add_foreign_key: NOT VALID, orphan policy, VALIDATE. */
class AddForeignKeyPlanTest {

    static final String TABLES = """
            refactorings:
              - create_table:
                  table: warehouse
                  columns: [ { name: id, type: bigint, nullable: false } ]
                  primary_key: id
              - create_table:
                  table: bin
                  columns: [ { name: id, type: bigint, nullable: false }, { name: warehouse_id, type: bigint } ]
                  primary_key: id
            """;

    @ParameterizedTest
    @CsvSource({"reject, ", "nullify, '1:1,2:-,3:-'", "delete, '1:1,3:-'"})
    void orphansFollowThePolicy(String orphans, String expected) throws Exception {
        try (Scenario s = Scenario.of("fk_" + orphans, TABLES, "refactorings:\n  - add_foreign_key: { table: bin,"
                + " columns: [warehouse_id], references: { table: warehouse }, on_delete: set_null, orphans: " + orphans + " }\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO warehouse VALUES (1); INSERT INTO bin VALUES (1, 1), (2, 99), (3, NULL)");
            if (expected == null) {
                assertThatThrownBy(() -> s.migrate("2", "flyway_schema_history")).isInstanceOf(FlywayException.class)
                        .hasMessageContaining("bin_warehouse_id_fkey");
                return;
            }
            s.applyTwice("1", "2");
            assertThat(String.join(",", s.query("SELECT id || ':' || coalesce(warehouse_id::text, '-') FROM bin ORDER BY id")))
                    .isEqualTo(expected);
            assertThat(s.schema()).contains("constraint bin bin_warehouse_id_fkey FOREIGN KEY (warehouse_id)"
                    + " REFERENCES warehouse(id) ON DELETE SET NULL");
        }
    }
}
