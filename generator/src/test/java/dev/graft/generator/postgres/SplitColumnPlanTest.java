package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.generator.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** split_column on the inventory example: expand, both shapes in sync, on_conflict, contract. */
class SplitColumnPlanTest {

    static final String CREATE = Transitions.INVENTORY;
    private Scenario s;

    @AfterEach
    void close() {
        if (s != null) {
            s.close();
        }
    }

    private Scenario inventory(String name, String onConflict) throws Exception {
        String split = Files.readString(Path.of("../examples/inventory/src/main/graft/V2__split_inventory_code.yaml"));
        if (onConflict != null) {
            split = split + "      on_conflict: " + onConflict + "\n";
        }
        s = Scenario.named(name)
                .file("V1__create_inventory.yaml", Files.readString(Path.of("../examples/inventory/src/main/graft/V1__create_inventory.yaml")))
                .file("V2__split_inventory_code.yaml", split)
                .file("V3__complete_split.yaml", "refactorings:\n  - complete: \"2\"\n");
        s.migrate("1", "flyway_schema_history");
        s.execute("INSERT INTO inventory VALUES (1, 'AMS001B24001SN00000001'), (2, 'LIS002B24117SN00004242'), (3, NULL)");
        return s;
    }

    @Test
    void expandBackfillsAndIsIdempotent() throws Exception {
        inventory("split_expand", null).applyTwice("1", "2");
        assertThat(s.query("SELECT id || ':' || coalesce(location_code, '-') || ',' || coalesce(batch_number, '-') || ','"
                + " || coalesce(serial_number, '-') FROM inventory ORDER BY id"))
                .containsExactly("1:AMS001,B24001,SN00000001", "2:LIS002,B24117,SN00004242", "3:-,-,-");
    }

    @Test
    void writesThroughEitherShapeAppearInTheOther() throws Exception {
        inventory("split_sync", null).migrate("2", "flyway_schema_history");
        s.execute("INSERT INTO inventory (id, inventory_code) VALUES (10, 'RTM010B25003SN99999999')");
        s.execute("INSERT INTO inventory (id, location_code, batch_number, serial_number) VALUES (11, 'HAM011', 'B25004', 'SN12345678')");
        s.execute("INSERT INTO inventory (id) VALUES (12)");
        s.execute("UPDATE inventory SET inventory_code = 'AMS001B24001SN00000009' WHERE id = 1");
        s.execute("UPDATE inventory SET serial_number = 'SN00004243' WHERE id = 2");
        s.execute("UPDATE inventory SET inventory_code = NULL WHERE id = 10");
        assertThat(s.query("SELECT id || ':' || coalesce(inventory_code, '-') || '=' || coalesce(location_code, '-') || ','"
                + " || coalesce(batch_number, '-') || ',' || coalesce(serial_number, '-') FROM inventory ORDER BY id"))
                .containsExactly(
                        "1:AMS001B24001SN00000009=AMS001,B24001,SN00000009",
                        "2:LIS002B24117SN00004243=LIS002,B24117,SN00004243",
                        "3:-=-,-,-",
                        "10:-=-,-,-",
                        "11:HAM011B25004SN12345678=HAM011,B25004,SN12345678",
                        "12:-=-,-,-");
    }

    @ParameterizedTest
    @CsvSource({"reject, ", "prefer_new, HAM011B25004SN12345678", "prefer_old, RTM010B25003SN99999999"})
    void conflictingWritesFollowOnConflict(String onConflict, String expected) throws Exception {
        inventory("split_conflict_" + onConflict, onConflict).migrate("2", "flyway_schema_history");
        String insert = "INSERT INTO inventory (id, inventory_code, location_code, batch_number, serial_number)"
                + " VALUES (20, 'RTM010B25003SN99999999', 'HAM011', 'B25004', 'SN12345678')";
        if (expected == null) {
            assertThatThrownBy(() -> s.execute(insert)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("conflicting writes to table inventory, key (id) = (20)")
                    .hasMessageContaining("RTM010B25003SN99999999").hasMessageContaining("HAM011");
            return;
        }
        s.execute(insert);
        assertThat(s.query("SELECT inventory_code || '=' || location_code || batch_number || serial_number FROM inventory WHERE id = 20"))
                .containsExactly(expected + "=" + expected);
        s.execute("INSERT INTO inventory (id, inventory_code, location_code, batch_number, serial_number)"
                + " VALUES (21, 'RTM010B25003SN99999999', 'RTM010', 'B25003', 'SN99999999')");
    }

    @Test
    void contractLeavesNoTraceOfTheOldShape() throws Exception {
        inventory("split_contract", null).migrate("2", "flyway_schema_history");
        s.applyTwice("2", "3");
        List<String> schema = s.schema();
        assertThat(schema).noneMatch(line -> line.contains("inventory_code") || line.contains("graft_"));
        assertThat(schema).contains("column inventory.location_code character varying(6)",
                "column inventory.serial_number character varying(10)");
        assertThat(s.query("SELECT location_code || batch_number || serial_number FROM inventory WHERE id = 2"))
                .containsExactly("LIS002B24117SN00004242");
    }

    /**
     * With a default on the split column, an explicit NULL through either shape still writes NULL
     * (the combine of NULL parts is NULL, the parts of a NULL code are NULL): only a row that
     * writes neither shape takes the default, split into the new columns.
     */
    @Test
    void anExplicitNullThroughEitherShapeIsNotTheDefault() throws Exception {
        s = Scenario.of("split_nulls", """
                refactorings:
                  - create_table:
                      table: inventory
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: inventory_code, type: varchar(22), default: "'AMS001B24001SN00000001'" }
                      primary_key: id
                """, Files.readString(Path.of("../examples/inventory/src/main/graft/V2__split_inventory_code.yaml")));
        s.migrate("2", "flyway_schema_history");
        s.execute("INSERT INTO inventory (id, inventory_code) VALUES (1, NULL)");
        s.execute("INSERT INTO inventory (id, location_code, batch_number, serial_number) VALUES (2, NULL, NULL, NULL)");
        s.execute("INSERT INTO inventory (id, location_code, serial_number) VALUES (3, 'RTM010', 'SN00000003')");
        s.execute("INSERT INTO inventory (id) VALUES (4)");
        assertThat(s.query("SELECT id || ':' || coalesce(inventory_code, '-') || '=' || coalesce(location_code, '-') || ','"
                + " || coalesce(batch_number, '-') || ',' || coalesce(serial_number, '-') FROM inventory ORDER BY id"))
                .containsExactly("1:-=-,-,-", "2:-=-,-,-", "3:-=RTM010,-,SN00000003",
                        "4:AMS001B24001SN00000001=AMS001,B24001,SN00000001");
    }
}
