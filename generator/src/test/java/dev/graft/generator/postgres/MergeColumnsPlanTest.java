package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.generator.Scenario;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** merge_columns: both shapes in sync, the contract drops the merged columns. */
class MergeColumnsPlanTest {

    /** Version 1 of both scenarios: a person with a first and a last name. */
    private static final String PERSON = Transitions.PERSON;

    @Test
    void mergesAndSplitsBackUntilComplete() throws Exception {
        try (Scenario s = Scenario.of("merge_columns", PERSON, """
                refactorings:
                  - merge_columns:
                      table: person
                      columns: [first_name, last_name]
                      into: { name: full_name, type: text, nullable: false, default: "'anonymous'" }
                      split:
                        first_name: "split_part(full_name, ' ', 1)"
                        last_name: "split_part(full_name, ' ', 2)"
                """.replace("default: \"'anonymous'\" }", "default: \"'anonymous'\", from: \"first_name || ' ' || last_name\" }"),
                "refactorings:\n  - complete: \"2\"\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO person VALUES (1, 'Ada', 'Lovelace')");
            s.applyTwice("1", "2");
            s.execute("INSERT INTO person (id, first_name, last_name) VALUES (2, 'Alan', 'Turing')");
            s.execute("INSERT INTO person (id, full_name) VALUES (3, 'Grace Hopper')");
            s.execute("UPDATE person SET last_name = 'King' WHERE id = 1");
            assertThat(s.query("SELECT id || ':' || first_name || '|' || last_name || '=' || full_name FROM person ORDER BY id"))
                    .containsExactly("1:Ada|King=Ada King", "2:Alan|Turing=Alan Turing", "3:Grace|Hopper=Grace Hopper");
            assertThatThrownBy(() -> s.execute("INSERT INTO person (id, first_name, full_name) VALUES (4, 'A', 'B C')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("conflicting writes");
            s.applyTwice("2", "3");
            assertThat(s.schema()).noneMatch(l -> l.contains("first_name") || l.contains("graft_"))
                    .contains("column person.full_name text not null default 'anonymous'::text");
        }
    }

    /**
     * Explicit NULLs written through the old shape are a write like any other: the merged column
     * gets what {@code from} makes of them, exactly as the backfill did for a row that already
     * held NULLs, and not a NULL that disagrees with it.
     */
    @Test
    void explicitNullsThroughTheOldShapeAreMergedLikeTheBackfillMergedThem() throws Exception {
        try (Scenario s = Scenario.of("merge_nulls", PERSON, """
                refactorings:
                  - merge_columns:
                      table: person
                      columns: [first_name, last_name]
                      into: { name: full_name, type: text, from: "coalesce(first_name, '') || ' ' || coalesce(last_name, '')" }
                      split:
                        first_name: "nullif(split_part(full_name, ' ', 1), '')"
                        last_name: "nullif(split_part(full_name, ' ', 2), '')"
                """)) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO person VALUES (1, NULL, NULL)");
            s.migrate("2", "flyway_schema_history");
            s.execute("INSERT INTO person (id, first_name, last_name) VALUES (2, NULL, NULL)");
            s.execute("INSERT INTO person (id, first_name) VALUES (3, NULL)");
            s.execute("INSERT INTO person (id, full_name) VALUES (4, NULL)");
            s.execute("INSERT INTO person (id, last_name) VALUES (5, 'Hopper')");
            assertThat(s.query("SELECT id || ':' || coalesce(first_name, '-') || '|' || coalesce(last_name, '-') || '='"
                    + " || coalesce('[' || full_name || ']', '-') FROM person ORDER BY id"))
                    .containsExactly("1:-|-=[ ]", "2:-|-=[ ]", "3:-|-=[ ]", "4:-|-=-", "5:-|Hopper=[ Hopper]");
        }
    }
}
