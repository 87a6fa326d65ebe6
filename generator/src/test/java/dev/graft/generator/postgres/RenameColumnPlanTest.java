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

    /**
     * Which name a writer used is told by what it wrote, not by what is NULL: an explicit NULL
     * through either name stays NULL in both, and only a column the writer left out (or wrote
     * DEFAULT) takes the default, row by row.
     */
    @Test
    void anExplicitNullThroughEitherNameStaysNullAndOnlyAnOmittedColumnTakesTheDefault() throws Exception {
        try (Scenario s = Scenario.of("rename_column_nulls", """
                refactorings:
                  - create_table:
                      table: stock
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: qty, type: integer, default: "0" }
                      primary_key: id
                """, RENAME)) {
            s.migrate("2", "flyway_schema_history");
            s.execute("INSERT INTO stock (id, qty) VALUES (1, NULL)");
            s.execute("INSERT INTO stock (id, quantity) VALUES (2, NULL)");
            s.execute("INSERT INTO stock (id) VALUES (3)");
            s.execute("INSERT INTO stock (id, qty) VALUES (4, NULL), (5, DEFAULT), (6, 6)");
            s.execute("INSERT INTO stock (id, quantity) VALUES (7, 7), (8, DEFAULT), (9, NULL)");
            s.execute("INSERT INTO stock (id) SELECT g FROM generate_series(10, 11) AS g");
            s.execute("INSERT INTO stock (id, qty, quantity) VALUES (12, NULL, NULL)");
            s.execute("UPDATE stock SET qty = DEFAULT WHERE id = 6");
            assertThat(s.query("SELECT id || ':' || coalesce(qty::text, '-') || '=' || coalesce(quantity::text, '-')"
                    + " FROM stock ORDER BY id")).containsExactly("1:-=-", "2:-=-", "3:0=0", "4:-=-", "5:0=0", "6:0=0",
                    "7:7=7", "8:0=0", "9:-=-", "10:0=0", "11:0=0", "12:-=-");
            assertThatThrownBy(() -> s.execute("INSERT INTO stock (id, qty, quantity) VALUES (13, NULL, 5)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("conflicting writes");
        }
    }

    /**
     * What the application team adds on the new name during the transition (an index, a unique
     * key that another table's foreign key refers to, a check) survives the contract, which moves
     * the old column into the new name's place; the contract still runs twice.
     */
    @Test
    void theContractKeepsWhatWasAddedOnTheNewNameDuringTheTransition() throws Exception {
        String added = "CREATE INDEX stock_quantity_idx ON stock (quantity) WHERE quantity > 10;"
                + " ALTER TABLE stock ADD CONSTRAINT stock_quantity_key UNIQUE (quantity);"
                + " ALTER TABLE stock ADD CONSTRAINT stock_quantity_small CHECK (quantity < 1000);"
                + " CREATE TABLE shelf (id bigint PRIMARY KEY, stock_quantity integer REFERENCES stock (quantity))";
        try (Scenario s = Scenario.of("rename_column_kept", TABLE, RENAME, "refactorings:\n  - complete: \"2\"\n");
                Scenario inPlace = Scenario.of("rename_column_kept_in_place", TABLE,
                        "refactorings:\n  - sql: { up: \"ALTER TABLE stock RENAME COLUMN qty TO quantity\" }\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO stock VALUES (1, 5), (2, 70)");
            s.migrate("2", "flyway_schema_history");
            s.execute(added);
            s.execute("INSERT INTO shelf VALUES (1, 70)");
            s.applyTwice("2", "3");
            inPlace.migrate("2", "flyway_schema_history");
            inPlace.execute(added);
            assertThat(s.schema()).isEqualTo(inPlace.schema())
                    .contains("index CREATE INDEX stock_quantity_idx ON public.stock USING btree (quantity) WHERE (quantity > 10)",
                            "constraint shelf shelf_stock_quantity_fkey FOREIGN KEY (stock_quantity) REFERENCES stock(quantity)");
            assertThat(s.data()).contains("shelf (1,70)", "stock (2,70)");
            assertThatThrownBy(() -> s.execute("INSERT INTO shelf VALUES (2, 71)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("shelf_stock_quantity_fkey");
        }
    }

    /**
     * A NOT NULL column without a default refuses NULL whether it is written or left out, so it
     * gets no default during the transition (tools that probe the table still see it as required):
     * writing the new name alone fills it, writing NULL through it is refused.
     */
    @Test
    void aNotNullColumnWithoutDefaultStaysRequired() throws Exception {
        try (Scenario s = Scenario.of("rename_column_required", """
                refactorings:
                  - create_table:
                      table: shelf
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: label, type: text, nullable: false }
                      primary_key: id
                """, "refactorings:\n  - rename_column: { table: shelf, from: label, to: name }\n")) {
            s.migrate("2", "flyway_schema_history");
            assertThat(s.query("SELECT attname || ':' || atthasdef FROM pg_attribute WHERE attrelid = 'shelf'::regclass"
                    + " AND attname IN ('label', 'name') ORDER BY attname")).containsExactly("label:false", "name:true");
            s.execute("INSERT INTO shelf (id, name) VALUES (1, 'top')");
            s.execute("INSERT INTO shelf (id, label) VALUES (2, 'bottom')");
            assertThatThrownBy(() -> s.execute("INSERT INTO shelf (id, label) VALUES (3, NULL)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("null value");
            assertThatThrownBy(() -> s.execute("INSERT INTO shelf (id, name) VALUES (4, NULL)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("null value");
            assertThat(s.query("SELECT id || ':' || label || '=' || name FROM shelf ORDER BY id"))
                    .containsExactly("1:top=top", "2:bottom=bottom");
        }
    }
}
