package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** rename_enum_value: RENAME VALUE guarded on pg_enum; stored values and sort order follow. */
class RenameEnumValuePlanTest {

    @Test
    void renamesTheLabelOnceKeepingItsPlaceAndTheRowsThatHoldIt() throws Exception {
        try (Scenario s = Scenario.of("rename_enum_value", CreateTypePlanTest.TYPES, """
                refactorings:
                  - insert_data: { table: person, rows: [{ id: 1, feeling: "so-so" }] }
                """, """
                refactorings:
                  - rename_enum_value: { type: mood, from: "so-so", to: "it's fine" }
                  - rename_enum_value: { type: public.mood, from: sad, to: blue }
                """)) {
            s.applyTwice("2", "3");
            assertThat(s.query("SELECT enumlabel FROM pg_enum WHERE enumtypid = 'public.mood'::regtype"
                    + " ORDER BY enumsortorder")).containsExactly("blue", "it's fine", "O'Happy");
            assertThat(s.query("SELECT feeling::text FROM person")).containsExactly("it's fine");
            assertThat(s.sql("3")).contains("ALTER TYPE \"public\".\"mood\" RENAME VALUE 'so-so' TO 'it''s fine';");
        }
    }
}
