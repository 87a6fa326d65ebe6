package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** set_comment: col_description / obj_description hold the text as written, or nothing once removed. */
class SetCommentPlanTest {

    private static final String TABLE = """
            refactorings:
              - create_table:
                  table: inventory
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: code, type: text, comment: "old" }
                  primary_key: id
            """;

    @Test
    void commentsColumnAndTableWithQuotesKept() throws Exception {
        try (Scenario s = Scenario.of("set_comment", TABLE, """
                refactorings:
                  - set_comment: { table: inventory, column: code, comment: "O'Brien's \\"code\\"; DROP TABLE x" }
                  - set_comment: { table: inventory, comment: "Stock per warehouse, $graft$ safe" }
                """)) {
            s.applyTwice("1", "2");
            assertThat(ColumnState.columnComment(s, "inventory", "code")).isEqualTo("O'Brien's \"code\"; DROP TABLE x");
            assertThat(ColumnState.tableComment(s, "inventory")).isEqualTo("Stock per warehouse, $graft$ safe");
        }
    }

    @Test
    void nullOrAbsentRemovesTheComment() throws Exception {
        try (Scenario s = Scenario.of("set_comment_remove", TABLE, """
                refactorings:
                  - set_comment: { table: inventory, comment: "temporary" }
                """, """
                refactorings:
                  - set_comment: { table: inventory, column: code, comment: null }
                  - set_comment: { table: inventory }
                """)) {
            s.migrate("2", "flyway_schema_history");
            assertThat(ColumnState.columnComment(s, "inventory", "code")).isEqualTo("old");
            assertThat(ColumnState.tableComment(s, "inventory")).isEqualTo("temporary");
            s.applyTwice("2", "3");
            assertThat(ColumnState.columnComment(s, "inventory", "code")).isEqualTo("<none>");
            assertThat(ColumnState.tableComment(s, "inventory")).isEqualTo("<none>");
        }
    }
}
