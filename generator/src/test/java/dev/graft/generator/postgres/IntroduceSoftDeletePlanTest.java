package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** introduce_soft_delete: a DELETE through the live view marks the row; the table keeps every row. */
class IntroduceSoftDeletePlanTest {

    private static final String PRODUCT = """
            refactorings:
              - create_table:
                  table: product
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: name, type: text, nullable: false }
                  primary_key: id
            """;

    @Test
    void deletingThroughTheViewMarksTheRow() throws Exception {
        try (Scenario s = Scenario.of("soft_delete", PRODUCT, "refactorings:\n  - introduce_soft_delete: { table: product }\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO product VALUES (1, 'tea'), (2, 'coffee')");
            s.applyTwice("1", "2");
            s.execute("INSERT INTO product_live VALUES (3, 'cocoa')");
            s.execute("DELETE FROM product_live WHERE id = 2");
            s.execute("UPDATE product_live SET name = 'green tea' WHERE id = 1");
            assertThat(s.query("SELECT id || ':' || name FROM product_live ORDER BY id")).containsExactly("1:green tea", "3:cocoa");
            assertThat(s.query("SELECT id || ':' || (deleted_at IS NOT NULL) FROM product ORDER BY id"))
                    .containsExactly("1:false", "2:true", "3:false");
        }
    }

    @Test
    void bothApplicationsWriteAtOnce() throws Exception {
        try (Scenario s = Scenario.of("soft_delete_race", PRODUCT,
                "refactorings:\n  - introduce_soft_delete: { table: product, column: removed_at, view: product_active }\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO product SELECT g, 'p' || g FROM generate_series(1, 300) g");
            s.migrate("2", "flyway_schema_history");
            long[] written = ShapeWriters.race(s, 200,
                    i -> i % 2 == 0 ? "UPDATE product SET name = 'old' || id WHERE id = " + i
                            : "INSERT INTO product VALUES (" + (1000 + i) + ", 'old')",
                    i -> i % 2 == 0 ? "DELETE FROM product_active WHERE id = " + i
                            : "INSERT INTO product_active VALUES (" + (2000 + i) + ", 'new')");
            assertThat(written).containsExactly(200, 200);
            // the new application deleted the even ids up to 200, which the old one had renamed: marked, not gone
            assertThat(s.query("SELECT count(*) || ':' || count(removed_at) || ':' || count(*) FILTER (WHERE removed_at"
                    + " IS NOT NULL AND name = 'old' || id) FROM product")).containsExactly("500:100:100");
            assertThat(s.query("SELECT count(*) FROM product_active")).containsExactly("400");
        }
    }
}
