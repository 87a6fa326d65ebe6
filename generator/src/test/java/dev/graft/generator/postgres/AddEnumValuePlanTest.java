package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.GeneratedFile;
import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** add_enum_value: ADD VALUE IF NOT EXISTS outside the transaction, placed before, after or at the end. */
class AddEnumValuePlanTest {

    @Test
    void addsLabelsInPlaceOutsideTheTransactionAndTheMigrationUsesThemAtOnce() throws Exception {
        try (Scenario s = Scenario.of("add_enum_value", CreateTypePlanTest.TYPES, """
                refactorings:
                  - add_enum_value: { type: mood, value: angry, before: sad }
                  - add_enum_value: { type: public.mood, value: "it's fine", after: sad }
                  - add_enum_value: { type: mood, value: elated }
                  - insert_data:
                      table: person
                      rows:
                        - { id: 1, feeling: elated }
                  - update_data: { table: person, set: { feeling: "'angry'" }, where: "feeling = 'elated'" }
                """)) {
            assertThat(s.generate()).anyMatch(f -> f.kind() == GeneratedFile.Kind.SQL_CONFIG
                    && f.migration().version().toString().equals("2")
                    && f.content().endsWith("executeInTransaction=false\n"));
            s.applyTwice("1", "2");
            assertThat(s.query("SELECT enumlabel FROM pg_enum WHERE enumtypid = 'public.mood'::regtype"
                    + " ORDER BY enumsortorder")).containsExactly("angry", "sad", "it's fine", "so-so", "O'Happy",
                    "elated");
            assertThat(s.query("SELECT feeling::text FROM person")).containsExactly("angry");
            assertThat(s.sql("2")).contains("ALTER TYPE \"public\".\"mood\" ADD VALUE IF NOT EXISTS 'it''s fine'"
                    + " AFTER 'sad';\n");
        }
    }
}
