package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Generator;
import dev.graft.generator.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Abort of a transition migration that also adds constraints and renames one: they are undone
 * with it (a primary key's columns get their NULLs back), twice is once, and the expand runs again.
 */
class ConstraintAbortTest {

    @Test
    void addedAndRenamedConstraintsAreUndoneWithTheTransition() throws Exception {
        try (Scenario s = Scenario.of("abort_constraints", """
                refactorings:
                  - create_table:
                      table: note
                      columns: [ { name: id, type: bigint, nullable: false }, { name: body, type: text } ]
                      primary_key: id
                  - create_table:
                      table: tag
                      columns: [ { name: n, type: bigint }, { name: code, type: text, unique: true }, { name: w, type: integer } ]
                """, """
                refactorings:
                  - rename_column: { table: note, from: body, to: text }
                  - add_constraint: { table: tag, kind: primary_key, columns: [n] }
                  - add_constraint: { table: tag, kind: check, check: "w > 0" }
                  - add_constraint: { table: tag, kind: unique, columns: [w], deferrable: true }
                  - rename_constraint: { table: tag, from: tag_code_key, to: tag_code_unique }
                """)) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO note VALUES (1, 'a'); INSERT INTO tag VALUES (1, 'x', 5), (2, 'y', 6)");
            List<String> before = s.schema();
            s.migrate("2", "flyway_schema_history");
            List<String> expanded = s.schema();
            List<String> abort = Generator.forCatalog(s.catalog()).abortStatements(s.catalog().migrations().get(1),
                    s.config());
            s.run(abort);
            assertThat(s.schema()).as("schema after abort").isEqualTo(before);
            s.run(abort);
            assertThat(s.schema()).as("schema after a second abort").isEqualTo(before);
            s.migrate("2", "flyway_schema_history");
            assertThat(s.schema()).as("schema after expanding again").isEqualTo(expanded);
        }
    }
}
