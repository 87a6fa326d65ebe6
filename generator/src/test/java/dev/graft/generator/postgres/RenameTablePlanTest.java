package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** rename_table: an updatable view under the old name until complete. */
class RenameTablePlanTest {

    @Test
    void oldNameWorksThroughAViewUntilComplete() throws Exception {
        try (Scenario s = Scenario.of("rename_table", Transitions.INVENTORY,
                "refactorings:\n  - rename_table: { from: inventory, to: stock_item }\n",
                "refactorings:\n  - complete: \"2\"\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO inventory VALUES (1, 'AMS001B24001SN00000001')");
            s.applyTwice("1", "2");
            s.execute("INSERT INTO inventory VALUES (2, 'LIS002B24117SN00004242')");
            s.execute("UPDATE inventory SET inventory_code = NULL WHERE id = 1");
            s.execute("INSERT INTO stock_item VALUES (3, 'HAM011B25004SN12345678')");
            assertThat(s.query("SELECT id || ':' || coalesce(inventory_code, '-') FROM stock_item ORDER BY id"))
                    .containsExactly("1:-", "2:LIS002B24117SN00004242", "3:HAM011B25004SN12345678");
            assertThat(s.query("SELECT count(*) FROM inventory")).containsExactly("3");
            s.applyTwice("2", "3");
            assertThat(s.schema()).noneMatch(line -> line.startsWith("view") || line.contains(" inventory."))
                    .contains("constraint stock_item inventory_pkey PRIMARY KEY (id)");
        }
    }

    /** keep_view: the old name stays an updatable view after complete, for applications never changed. */
    @Test
    void keepViewOutlivesComplete() throws Exception {
        try (Scenario s = Scenario.of("rename_table_keep_view", Transitions.INVENTORY,
                "refactorings:\n  - rename_table: { from: inventory, to: stock_item, keep_view: true }\n",
                "refactorings:\n  - complete: \"2\"\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO inventory VALUES (1, 'AMS001B24001SN00000001')");
            s.applyTwice("1", "2");
            long[] written = ShapeWriters.race(s, 200,
                    i -> "INSERT INTO inventory VALUES (" + (100 + i) + ", 'old')",
                    i -> "INSERT INTO stock_item VALUES (" + (1000 + i) + ", 'new')");
            assertThat(written).containsExactly(200, 200);
            s.applyTwice("2", "3");
            s.execute("UPDATE inventory SET inventory_code = 'kept' WHERE id = 1");
            assertThat(s.query("SELECT count(*) || ':' || count(*) FILTER (WHERE inventory_code = 'kept') FROM stock_item"))
                    .containsExactly("401:1");
            assertThat(s.query("SELECT obj_description('inventory'::regclass, 'pg_class')"))
                    .containsExactly("graft: generated from V2__step_2.yaml; kept after its contract");
        }
    }
}
