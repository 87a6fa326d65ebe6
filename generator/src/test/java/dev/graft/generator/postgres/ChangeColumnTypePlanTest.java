package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** change_column_type: a synced shadow column; the contract equals an in-place ALTER COLUMN TYPE. */
class ChangeColumnTypePlanTest {

    static final String TABLE = """
            refactorings:
              - create_table:
                  table: item
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: price, type: integer, nullable: false, default: "0", check: "price >= 0", unique: true, comment: cents }
                  primary_key: id
              - create_table:
                  table: offer
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: item_price, type: integer, references: { table: item, column: price } }
                  primary_key: id
              - create_index: { table: item, columns: [price], where: "price > 100" }
            """;
    static final String CHANGE = """
            refactorings:
              - change_column_type:
                  table: item
                  column: price
                  type: bigint
                  up: "price::bigint"
                  down: "price::integer"
                  on_conflict: prefer_new
            """;

    @Test
    void shadowStaysInSyncAndTheContractEqualsAnInPlaceChange() throws Exception {
        try (Scenario s = Scenario.of("change_type", TABLE, CHANGE, "refactorings:\n  - complete: \"2\"\n");
                Scenario inPlace = Scenario.of("change_type_in_place", TABLE,
                        "refactorings:\n  - sql: { up: \"ALTER TABLE offer ALTER COLUMN item_price TYPE integer;"
                                + " ALTER TABLE item ALTER COLUMN price TYPE bigint USING price::bigint\" }\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO item VALUES (1, 150), (2, 200)");
            s.execute("INSERT INTO offer VALUES (1, 150)");
            s.applyTwice("1", "2");
            s.execute("INSERT INTO item (id, price) VALUES (3, 300)");
            s.execute("INSERT INTO item (id, graft_2_item_price) VALUES (4, 400)");
            s.execute("INSERT INTO item (id) VALUES (5)");
            s.execute("INSERT INTO item (id, price, graft_2_item_price) VALUES (6, 1, 600)");
            assertThat(s.query("SELECT id || ':' || price || '=' || graft_2_item_price FROM item ORDER BY id"))
                    .containsExactly("1:150=150", "2:200=200", "3:300=300", "4:400=400", "5:0=0", "6:600=600");
            s.applyTwice("2", "3");
            inPlace.migrate("2", "flyway_schema_history");
            assertThat(s.schema()).isEqualTo(inPlace.schema());
            assertThat(s.query("SELECT id || ':' || price FROM item ORDER BY id"))
                    .containsExactly("1:150", "2:200", "3:300", "4:400", "5:0", "6:600");
        }
    }
}
