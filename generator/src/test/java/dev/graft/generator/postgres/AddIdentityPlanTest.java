package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.generator.Scenario;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** add_identity: attidentity set, the sequence starts past the rows already there, a re-run is a no-op. */
class AddIdentityPlanTest {

    private static final String TABLE = """
            refactorings:
              - create_table:
                  table: ticket
                  columns:
                    - { name: id, type: integer, nullable: false }
                    - { name: title, type: text }
                  primary_key: id
            """;

    @Test
    void byDefaultStartsAfterTheCurrentMaximum() throws Exception {
        try (Scenario s = Scenario.of("add_identity", TABLE, """
                refactorings:
                  - add_identity: { table: ticket, column: id }
                """)) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO ticket VALUES (1, 'a'), (41, 'b'), (7, 'c')");
            s.applyTwice("1", "2");
            assertThat(ColumnState.identity(s, "ticket", "id")).isEqualTo("d");
            s.execute("INSERT INTO ticket (title) VALUES ('new')");
            assertThat(s.query("SELECT id FROM ticket WHERE title = 'new'")).containsExactly("42");
            s.execute("INSERT INTO ticket VALUES (100, 'given')");
            assertThat(s.query("SELECT count(*) FROM ticket")).containsExactly("5");
        }
    }

    @Test
    void alwaysWithOptionsKeepsTheStartWhenItIsHigher() throws Exception {
        try (Scenario s = Scenario.of("add_identity_options", TABLE, """
                refactorings:
                  - add_identity:
                      table: ticket
                      column: id
                      generated: always
                      sequence: { start: 1000, increment: 10, maxvalue: 100000, cache: 5 }
                """)) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO ticket VALUES (3, 'a')");
            s.applyTwice("1", "2");
            assertThat(ColumnState.identity(s, "ticket", "id")).isEqualTo("a");
            s.execute("INSERT INTO ticket (title) VALUES ('x'), ('y')");
            assertThat(s.query("SELECT id FROM ticket ORDER BY id")).containsExactly("3", "1000", "1010");
            assertThat(s.query("SELECT seqincrement || ' ' || seqmax || ' ' || seqcache FROM pg_catalog.pg_sequence"
                    + " WHERE seqrelid = pg_get_serial_sequence('ticket', 'id')::regclass"))
                    .containsExactly("10 100000 5");
            assertThatThrownBy(() -> s.execute("INSERT INTO ticket VALUES (5, 'given')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("GENERATED ALWAYS");
        }
    }

    @Test
    void emptyTableStartsAtStart() throws Exception {
        try (Scenario s = Scenario.of("add_identity_empty", TABLE, """
                refactorings:
                  - add_identity: { table: ticket, column: id, sequence: { start: 500 } }
                """)) {
            s.applyTwice("1", "2");
            s.execute("INSERT INTO ticket (title) VALUES ('first')");
            assertThat(s.query("SELECT id FROM ticket")).containsExactly("500");
        }
    }

    @Test
    void severalPropertiesOfOneColumnInOneFileRunInOrder() throws Exception {
        try (Scenario s = Scenario.of("add_identity_in_order", """
                refactorings:
                  - create_table:
                      table: counter
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: seq, type: integer, default: "0" }
                      primary_key: id
                """, """
                refactorings:
                  - drop_default: { table: counter, column: seq }
                  - make_column_not_null: { table: counter, column: seq, default_for_nulls: "0" }
                  - add_identity: { table: counter, column: seq, sequence: { increment: -1, maxvalue: -1 } }
                  - set_comment: { table: counter, column: seq, comment: "counts down" }
                """)) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO counter VALUES (1, -5), (2, NULL), (3, 3)");
            s.applyTwice("1", "2");
            assertThat(ColumnState.defaultOf(s, "counter", "seq")).isEqualTo("<none>");
            assertThat(ColumnState.notNull(s, "counter", "seq")).isTrue();
            assertThat(ColumnState.identity(s, "counter", "seq")).isEqualTo("d");
            assertThat(ColumnState.columnComment(s, "counter", "seq")).isEqualTo("counts down");
            s.execute("INSERT INTO counter (id) VALUES (4)");
            assertThat(s.query("SELECT seq FROM counter WHERE id = 4")).containsExactly("-6");
        }
    }

    @Test
    void aSerialBecomesAnIdentityOnceItsDefaultIsDropped() throws Exception {
        try (Scenario s = Scenario.of("add_identity_serial", """
                refactorings:
                  - create_table:
                      table: legacy
                      columns:
                        - { name: id, type: bigserial, nullable: false }
                        - { name: title, type: text }
                      primary_key: id
                """, """
                refactorings:
                  - drop_default: { table: legacy, column: id }
                  - add_identity: { table: legacy, column: id }
                """)) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO legacy (title) VALUES ('a'), ('b')");
            s.applyTwice("1", "2");
            assertThat(ColumnState.identity(s, "legacy", "id")).isEqualTo("d");
            s.execute("INSERT INTO legacy (title) VALUES ('c')");
            assertThat(s.query("SELECT id FROM legacy ORDER BY id")).containsExactly("1", "2", "3");
        }
    }
}
