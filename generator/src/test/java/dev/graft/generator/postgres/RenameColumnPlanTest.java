package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.generator.Scenario;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** rename_column: both names in sync during the transition; the contract equals an in-place rename. */
class RenameColumnPlanTest {

    static final String TABLE = """
            refactorings:
              - create_table:
                  table: stock
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: qty, type: integer, nullable: false, default: "0", check: "qty >= 0", comment: units on hand }
                  primary_key: id
              - create_index: { table: stock, columns: [qty] }
            """;
    static final String RENAME = "refactorings:\n  - rename_column: { table: stock, from: qty, to: quantity }\n";

    @Test
    void bothNamesStayInSyncAndTheContractEqualsAnInPlaceRename() throws Exception {
        try (Scenario s = Scenario.of("rename_column", TABLE, RENAME, "refactorings:\n  - complete: \"2\"\n");
                Scenario inPlace = Scenario.of("rename_column_in_place", TABLE,
                        "refactorings:\n  - sql: { up: \"ALTER TABLE stock RENAME COLUMN qty TO quantity\" }\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO stock VALUES (1, 5), (2, 7)");
            s.applyTwice("1", "2");
            s.execute("INSERT INTO stock (id, qty) VALUES (3, 30)");
            s.execute("INSERT INTO stock (id, quantity) VALUES (4, 40)");
            s.execute("INSERT INTO stock (id) VALUES (5)");
            s.execute("UPDATE stock SET quantity = 21 WHERE id = 2");
            assertThat(s.query("SELECT id || ':' || qty || '=' || quantity FROM stock ORDER BY id"))
                    .containsExactly("1:5=5", "2:21=21", "3:30=30", "4:40=40", "5:0=0");
            assertThatThrownBy(() -> s.execute("INSERT INTO stock (id, qty, quantity) VALUES (6, 1, 2)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("key (id) = (6)");
            assertThatThrownBy(() -> s.execute("INSERT INTO stock (id, quantity) VALUES (7, -1)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("stock_qty_check");
            s.applyTwice("2", "3");
            inPlace.migrate("2", "flyway_schema_history");
            assertThat(s.schema()).isEqualTo(inPlace.schema());
            assertThat(s.query("SELECT id || ':' || quantity FROM stock ORDER BY id"))
                    .containsExactly("1:5", "2:21", "3:30", "4:40", "5:0");
        }
    }
}
