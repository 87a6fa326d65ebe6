package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** drop_not_null: attnotnull false, NULLs accepted, a re-run is a no-op. */
class DropNotNullPlanTest {

    @Test
    void acceptsNullsAfterwards() throws Exception {
        try (Scenario s = Scenario.of("drop_not_null", """
                refactorings:
                  - create_table:
                      table: inventory
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: code, type: text, nullable: false }
                      primary_key: id
                """, """
                refactorings:
                  - drop_not_null: { table: inventory, column: code }
                """)) {
            s.migrate("1", "flyway_schema_history");
            assertThat(ColumnState.notNull(s, "inventory", "code")).isTrue();
            s.execute("INSERT INTO inventory VALUES (1, 'A')");
            s.applyTwice("1", "2");
            assertThat(ColumnState.notNull(s, "inventory", "code")).isFalse();
            assertThat(ColumnState.notNull(s, "inventory", "id")).isTrue();
            s.execute("INSERT INTO inventory (id) VALUES (2)");
            assertThat(s.query("SELECT id || ':' || coalesce(code, '-') FROM inventory ORDER BY id"))
                    .containsExactly("1:A", "2:-");
            assertThat(s.query("SELECT count(*) FROM pg_catalog.pg_constraint WHERE conrelid = 'inventory'::regclass"
                    + " AND contype = 'n' AND conname LIKE '%code%'")).containsExactly("0");
        }
    }
}
