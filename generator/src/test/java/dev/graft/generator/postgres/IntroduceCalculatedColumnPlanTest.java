package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** introduce_calculated_column: the value follows the row, whichever application writes it. */
class IntroduceCalculatedColumnPlanTest {

    private static final String LINE = """
            refactorings:
              - create_table:
                  table: order_line
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: quantity, type: integer, nullable: false }
                    - { name: unit_price, type: "numeric(10,2)", nullable: false }
                  primary_key: id
            """;

    private static String calculated(String stored) {
        return "refactorings:\n  - introduce_calculated_column:\n      table: order_line\n      column: line_total\n"
                + "      type: \"numeric(12,2)\"\n      expression: \"quantity * unit_price\"\n      stored: " + stored + "\n";
    }

    @Test
    void theTriggerFormIsBackfilledAndFollowsEveryWrite() throws Exception {
        try (Scenario s = Scenario.of("calculated_trigger", LINE, calculated("trigger"))) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO order_line SELECT g, g % 5, g / 10.0 FROM generate_series(1, 50) g");
            s.applyTwice("1", "2");
            assertThat(s.query("SELECT count(*) FROM order_line WHERE line_total IS DISTINCT FROM quantity * unit_price"))
                    .containsExactly("0");
            long[] written = ShapeWriters.race(s, 200,
                    i -> "UPDATE order_line SET quantity = quantity + 1 WHERE id = " + (i % 50 + 1),
                    i -> "INSERT INTO order_line (id, quantity, unit_price, line_total) VALUES (" + (100 + i) + ", 2, 1.25, 0)");
            assertThat(written[1]).isEqualTo(200);
            assertThat(s.query("SELECT count(*) || ':' || count(*) FILTER (WHERE line_total IS DISTINCT FROM"
                    + " quantity * unit_price) FROM order_line")).containsExactly("250:0");
        }
    }

    @Test
    void theGeneratedFormIsOneStatement() throws Exception {
        try (Scenario s = Scenario.of("calculated_generated", LINE, calculated("generated"))) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO order_line VALUES (1, 3, 2.50)");
            s.applyTwice("1", "2");
            s.execute("UPDATE order_line SET quantity = 4");
            assertThat(s.query("SELECT line_total FROM order_line")).containsExactly("10.00");
            assertThat(s.query("SELECT attgenerated FROM pg_attribute WHERE attrelid = 'order_line'::regclass"
                    + " AND attname = 'line_total'")).containsExactly("s");
        }
    }
}
