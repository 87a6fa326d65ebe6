package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** introduce_surrogate_key: an identity column numbered online, its numbers unique, new rows continuing them. */
class IntroduceSurrogateKeyPlanTest {

    static final String TABLES = """
            refactorings:
              - create_table:
                  table: country
                  columns: [ { name: code, type: text, nullable: false }, { name: name, type: text } ]
                  primary_key: code
            """;

    @Test
    void existingRowsAreNumberedAndNewRowsWrittenWithoutTheKeyContinue() throws Exception {
        try (Scenario s = Scenario.of("surrogate", TABLES, "refactorings:\n  - introduce_surrogate_key:"
                + " { table: country }\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO country SELECT 'c' || g, 'Country ' || g FROM generate_series(1, 5) g");
            s.applyTwice("1", "2");
            assertThat(s.query("SELECT count(DISTINCT id) || ':' || min(id) || ':' || max(id) FROM country"))
                    .containsExactly("5:1:5");
            s.execute("INSERT INTO country (code, name) VALUES ('xx', 'New')");
            assertThat(s.query("SELECT id FROM country WHERE code = 'xx'")).containsExactly("6");
            assertThat(s.schema()).contains("column country.id bigint not null");
            assertThat(s.query("SELECT attidentity FROM pg_attribute WHERE attrelid = 'country'::regclass"
                    + " AND attname = 'id'")).containsExactly("d");
            assertThat(s.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'country_id_key'"))
                    .containsExactly("CREATE UNIQUE INDEX country_id_key ON public.country USING btree (id)");
            assertThat(s.query("SELECT count(*) FROM pg_class WHERE relname LIKE 'graft%seq'")).containsExactly("0");
        }
    }
}
