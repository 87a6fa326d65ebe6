package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.GeneratedFile;
import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** create_index: concurrently, outside a transaction; an INVALID leftover is rebuilt. */
class CreateIndexPlanTest {

    @Test
    void buildsConcurrentlyAndRebuildsAnInvalidLeftover() throws Exception {
        try (Scenario s = Scenario.of("create_index", Transitions.INVENTORY, """
                refactorings:
                  - create_index: { table: inventory, expression: "substr(inventory_code, 1, 6)", where: "id > 0", name: inventory_location_idx }
                """)) {
            assertThat(s.generate()).anyMatch(f -> f.kind() == GeneratedFile.Kind.SQL_CONFIG
                    && f.content().endsWith("executeInTransaction=false\n"));
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO inventory VALUES (1, 'AMS001B24001SN00000001')");
            s.applyTwice("1", "2");
            s.execute("UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'inventory_location_idx'::regclass");
            s.migrateAgain("1", "2");
            assertThat(s.schema()).contains("index CREATE INDEX inventory_location_idx ON public.inventory USING btree"
                    + " (substr((inventory_code)::text, 1, 6)) WHERE (id > 0)");
        }
    }
}
