package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.generator.Scenario;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every two-way transition applies its on_conflict when one statement writes both shapes with
 * values that disagree (split_column has its own cases in {@link SplitColumnPlanTest}).
 */
class OnConflictTest {

    private static final String STOCK = """
            refactorings:
              - create_table:
                  table: stock
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: qty, type: integer }
                  primary_key: id
            """;

    private static final String PEOPLE = Transitions.PERSON;

    @ParameterizedTest
    @CsvSource({"reject, ", "prefer_new, 2=2", "prefer_old, 1=1"})
    void renameColumn(String policy, String expected) throws Exception {
        try (Scenario s = Scenario.of("conflict_rename_" + policy, STOCK,
                "refactorings:\n  - rename_column: { table: stock, from: qty, to: quantity, on_conflict: " + policy + " }\n")) {
            s.migrate("2", "flyway_schema_history");
            String insert = "INSERT INTO stock (id, qty, quantity) VALUES (1, 1, 2)";
            check(s, insert, expected, "SELECT qty || '=' || quantity FROM stock WHERE id = 1");
        }
    }

    @ParameterizedTest
    @CsvSource({"reject, ", "prefer_new, Grace Hopper=Grace/Hopper", "prefer_old, Ada Lovelace=Ada/Lovelace"})
    void mergeColumns(String policy, String expected) throws Exception {
        try (Scenario s = Scenario.of("conflict_merge_" + policy, PEOPLE, """
                refactorings:
                  - merge_columns:
                      table: person
                      columns: [first_name, last_name]
                      into: { name: full_name, type: text, from: "first_name || ' ' || last_name" }
                      split:
                        first_name: "split_part(full_name, ' ', 1)"
                        last_name: "split_part(full_name, ' ', 2)"
                      on_conflict: %s
                """.formatted(policy))) {
            s.migrate("2", "flyway_schema_history");
            String insert = "INSERT INTO person (id, first_name, last_name, full_name) VALUES (1, 'Ada', 'Lovelace', 'Grace Hopper')";
            check(s, insert, expected, "SELECT full_name || '=' || first_name || '/' || last_name FROM person WHERE id = 1");
        }
    }

    private static void check(Scenario s, String insert, String expected, String read) throws SQLException {
        if (expected == null) {
            assertThatThrownBy(() -> s.execute(insert)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("conflicting writes to table").hasMessageContaining("key (id) = (1)");
            return;
        }
        s.execute(insert);
        assertThat(s.query(read)).containsExactly(expected);
    }
}
