package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** encapsulate_table_with_view: the new application works through the view, the old one on the table. */
class EncapsulateTableWithViewPlanTest {

    private static final String ORDERS = """
            refactorings:
              - create_table:
                  table: orders
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: status, type: text, nullable: false, default: "'new'" }
                    - { name: total, type: "numeric(10,2)", check: "total >= 0" }
                  primary_key: id
            """;

    private static final String ENCAPSULATE = "refactorings:\n"
            + "  - encapsulate_table_with_view: { table: orders, view: orders_api }\n";

    @Test
    void theViewReadsAndWritesTheTable() throws Exception {
        try (Scenario s = Scenario.of("encapsulate", ORDERS, ENCAPSULATE)) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO orders VALUES (1, 'paid', 10.00)");
            s.applyTwice("1", "2");
            s.execute("INSERT INTO orders_api (id, total) VALUES (2, 5.50)");
            s.execute("UPDATE orders_api SET status = 'shipped' WHERE id = 1");
            s.execute("INSERT INTO orders VALUES (3, 'paid', 1.00)");
            s.execute("DELETE FROM orders_api WHERE id = 3");
            assertThat(s.query("SELECT id || ':' || status || ':' || total FROM orders ORDER BY id"))
                    .containsExactly("1:shipped:10.00", "2:new:5.50");
            assertThat(s.query("SELECT is_insertable_into || is_updatable FROM information_schema.views"
                    + " WHERE table_name = 'orders_api'")).containsExactly("YESYES");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.execute("INSERT INTO orders_api VALUES (4, 'x', -1)"))
                    .hasMessageContaining("orders_total_check");
        }
    }

    @Test
    void bothApplicationsWriteAtOnce() throws Exception {
        try (Scenario s = Scenario.of("encapsulate_race", ORDERS, ENCAPSULATE)) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO orders SELECT g, 'new', g FROM generate_series(1, 100) g");
            s.migrate("2", "flyway_schema_history");
            long[] written = ShapeWriters.race(s, 300,
                    i -> i % 2 == 0 ? "UPDATE orders SET total = total + 1 WHERE id = " + (i % 100 + 1)
                            : "INSERT INTO orders VALUES (" + (1000 + i) + ", 'old', 1)",
                    i -> i % 2 == 0 ? "UPDATE orders_api SET total = total + 1 WHERE id = " + ((i * 3) % 100 + 1)
                            : "INSERT INTO orders_api (id, total) VALUES (" + (2000 + i) + ", 2)");
            assertThat(written[0] + written[1]).isGreaterThan(590);
            assertThat(s.query("SELECT count(*) FROM orders_api")).containsExactly("400");
            assertThat(s.query("SELECT sum(total) FROM orders WHERE id <= 100")).containsExactly(
                    "5350.00");
        }
    }
}
