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

    private static final String LOCATIONS = """
            refactorings:
              - create_table:
                  table: location
                  columns:
                    - { name: code, type: varchar(6), nullable: false }
                  primary_key: code
              - insert_data:
                  table: location
                  rows: [{ code: AMS001 }, { code: LIS002 }, { code: BER004 }]
            """;

    private static final String LOCATION_CODE = """
            refactorings:
              - add_column:
                  table: inventory
                  column:
                    name: location_code
                    type: varchar(6)
                    nullable: false
                    unique: true
                    check: "location_code ~ '^[A-Z]{3}[0-9]{3}$'"
                    references: { table: location, column: code }
                  up: "substr(inventory_code, 1, 6)"
            """;

    @Test
    void upBackfillsThenAddsNotNullUniqueCheckAndReferences() throws Exception {
        try (Scenario s = Scenario.of("add_column_up", Transitions.INVENTORY, LOCATIONS, LOCATION_CODE,
                "refactorings:\n  - complete: \"3\"\n")) {
            s.migrate("2", "flyway_schema_history");
            s.execute("INSERT INTO inventory VALUES (1, 'AMS001B24001SN00000001'), (2, 'LIS002B24117SN00004242')");
            s.applyTwice("2", "3");
            assertThat(s.query("SELECT id || ':' || location_code FROM inventory ORDER BY id"))
                    .containsExactly("1:AMS001", "2:LIS002");
            assertThat(s.query("SELECT conname || ' ' || contype::text || ' ' || convalidated FROM pg_constraint"
                    + " WHERE conrelid = 'inventory'::regclass AND contype <> 'n' ORDER BY conname")).containsExactly(
                    "inventory_location_code_check c true", "inventory_location_code_fkey f true",
                    "inventory_location_code_key u true", "inventory_pkey p true");
            assertThat(s.query("SELECT attnotnull::text FROM pg_attribute WHERE attrelid = 'inventory'::regclass"
                    + " AND attname = 'location_code'")).containsExactly("true");
            // an old writer that does not know the column: the transition fills it
            s.execute("INSERT INTO inventory (id, inventory_code) VALUES (3, 'BER004B24002SN00000003')");
            assertThatThrownBy(() -> s.execute("INSERT INTO inventory (id, inventory_code) VALUES (4, 'BER004B24002SN00000004')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("inventory_location_code_key");
            s.applyTwice("3", "4");
            assertThat(s.schema()).noneMatch(line -> line.contains("graft_"));
        }
    }

    @Test
    void rowsThatViolateUniqueStopTheMigrationNamingTheConstraint() throws Exception {
        assertStops("add_column_up_duplicate", "'AMS001B24001SN00000001'), (2, 'AMS001B24117SN00004242'",
                "inventory_location_code_key");
    }

    @Test
    void rowsThatViolateTheCheckStopTheMigrationNamingTheConstraint() throws Exception {
        assertStops("add_column_up_check", "'AMS001B24001SN00000001'), (2, 'ams001B24117SN00004242'",
                "inventory_location_code_check");
    }

    @Test
    void rowsThatViolateTheReferenceStopTheMigrationNamingTheConstraint() throws Exception {
        assertStops("add_column_up_orphan", "'AMS001B24001SN00000001'), (2, 'OSL003B24117SN00004242'",
                "inventory_location_code_fkey");
    }

    private static void assertStops(String name, String rows, String constraint) throws Exception {
        try (Scenario s = Scenario.of(name, Transitions.INVENTORY, LOCATIONS, LOCATION_CODE)) {
            s.migrate("2", "flyway_schema_history");
            s.execute("INSERT INTO inventory VALUES (1, " + rows + ")");
            assertThatThrownBy(() -> s.migrate("3", "flyway_schema_history")).hasMessageContaining(constraint);
            assertThat(s.query("SELECT count(*) FROM pg_constraint WHERE conname = '" + constraint + "' AND convalidated"))
                    .containsExactly("0");
            // once the rows are put right, running the migration again completes it
            s.execute("UPDATE inventory SET location_code = 'LIS002' WHERE id = 2");
            s.migrateAgain("2", "3");
            assertThat(s.query("SELECT count(*) FROM pg_constraint WHERE conname = '" + constraint + "' AND convalidated"))
                    .containsExactly("1");
            assertThat(s.query("SELECT count(*) FROM pg_index WHERE NOT indisvalid")).containsExactly("0");
        }
    }
}
