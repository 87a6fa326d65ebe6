package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.generator.Scenario;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** add_column: plain, and with {@code from} (a transition whose trigger fills rows old writers leave empty). */
class AddColumnPlanTest {

    @Test
    void addsAColumnWithItsConstraints() throws Exception {
        try (Scenario s = Scenario.of("add_column", Transitions.INVENTORY, """
                refactorings:
                  - add_column:
                      table: inventory
                      column: { name: quantity, type: integer, nullable: false, default: "0", check: "quantity >= 0", comment: units }
                """)) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO inventory VALUES (1, 'AMS001B24001SN00000001')");
            s.applyTwice("1", "2");
            assertThat(s.query("SELECT quantity FROM inventory")).containsExactly("0");
            assertThatThrownBy(() -> s.execute("UPDATE inventory SET quantity = -1")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("inventory_quantity_check");
        }
    }

    @Test
    void fromBackfillsAndKeepsTheColumnFilledUntilComplete() throws Exception {
        try (Scenario s = Scenario.of("add_column_from", Transitions.INVENTORY, """
                refactorings:
                  - add_column:
                      table: inventory
                      column: { name: location_code, type: varchar(6), nullable: false }
                      from: "coalesce(substr(inventory_code, 1, 6), 'NOWHER')"
                """, "refactorings:\n  - complete: \"2\"\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO inventory VALUES (1, 'AMS001B24001SN00000001'), (2, NULL)");
            s.applyTwice("1", "2");
            s.execute("INSERT INTO inventory (id, inventory_code) VALUES (3, 'LIS002B24117SN00004242')");
            s.execute("INSERT INTO inventory (id, inventory_code, location_code) VALUES (4, 'LIS002B24117SN00004242', 'OWN004')");
            assertThat(s.query("SELECT id || ':' || location_code FROM inventory ORDER BY id"))
                    .containsExactly("1:AMS001", "2:NOWHER", "3:LIS002", "4:OWN004");
            assertThat(s.schema()).contains("column inventory.location_code character varying(6) not null");
            s.applyTwice("2", "3");
            assertThat(s.schema()).noneMatch(line -> line.contains("graft_"));
            assertThatThrownBy(() -> s.execute("INSERT INTO inventory (id) VALUES (5)")).isInstanceOf(SQLException.class);
        }
    }
}
