package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** drop_identity: attidentity cleared, the sequence gone, values and NOT NULL kept, a re-run is a no-op. */
class DropIdentityPlanTest {

    @Test
    void dropsTheIdentityAndItsSequence() throws Exception {
        try (Scenario s = Scenario.of("drop_identity", """
                refactorings:
                  - create_table:
                      table: ticket
                      columns:
                        - { name: id, type: bigint generated always as identity, nullable: false }
                        - { name: title, type: text }
                      primary_key: id
                """, """
                refactorings:
                  - drop_identity: { table: ticket, column: id }
                """)) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO ticket (title) VALUES ('a'), ('b')");
            assertThat(ColumnState.identity(s, "ticket", "id")).isEqualTo("a");
            s.applyTwice("1", "2");
            assertThat(ColumnState.identity(s, "ticket", "id")).isEmpty();
            assertThat(ColumnState.notNull(s, "ticket", "id")).isTrue();
            assertThat(s.query("SELECT count(*) FROM pg_catalog.pg_class WHERE relkind = 'S'")).containsExactly("0");
            s.execute("INSERT INTO ticket VALUES (10, 'given')");
            assertThat(s.query("SELECT id FROM ticket ORDER BY id")).containsExactly("1", "2", "10");
        }
    }
}
