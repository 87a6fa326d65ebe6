package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** drop_column: optional for new writers during the transition, gone after complete. */
class DropColumnPlanTest {

    private static final String CUSTOMER = """
            refactorings:
              - create_table:
                  table: customer
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: first_name, type: text, nullable: false }
                    - { name: last_name, type: text, nullable: false }
                    - { name: full_name, type: text, nullable: false, default: "'?'" }
                  primary_key: id
            """;

    private static final String DROP_WITH_DOWN = """
            refactorings:
              - drop_column:
                  table: customer
                  column: full_name
                  down: "first_name || ' ' || last_name"
            """;

    @Test
    void becomesOptionalThenDisappears() throws Exception {
        try (Scenario s = Scenario.of("drop_column", """
                refactorings:
                  - create_table:
                      table: inventory
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: legacy_code, type: text, nullable: false }
                      primary_key: id
                """, "refactorings:\n  - drop_column: { table: inventory, column: legacy_code }\n",
                "refactorings:\n  - complete: \"2\"\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO inventory VALUES (1, 'X1')");
            s.applyTwice("1", "2");
            s.execute("INSERT INTO inventory (id) VALUES (2)");
            assertThat(s.query("SELECT id || ':' || coalesce(legacy_code, '-') FROM inventory ORDER BY id"))
                    .containsExactly("1:X1", "2:-");
            s.applyTwice("2", "3");
            assertThat(s.schema()).noneMatch(line -> line.contains("legacy_code"));
        }
    }

    /** The old application keeps reading a filled column while the new one writes rows without it. */
    @Test
    void downFillsWhatTheNewApplicationLeavesOut() throws Exception {
        try (Scenario s = Scenario.of("drop_column_down", CUSTOMER, DROP_WITH_DOWN, "refactorings:\n  - complete: \"2\"\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO customer VALUES (1, 'Ada', 'Lovelace', 'Ada Lovelace'), (2, 'Alan', 'Turing', 'A. M. Turing')");
            s.applyTwice("1", "2");
            // new application: no full_name
            s.execute("INSERT INTO customer (id, first_name, last_name) VALUES (3, 'Grace', 'Hopper')");
            s.execute("UPDATE customer SET last_name = 'King' WHERE id = 1");
            s.execute("UPDATE customer SET first_name = 'Alan M.' WHERE id = 2");
            // old application: writes full_name as before
            s.execute("INSERT INTO customer VALUES (4, 'Edsger', 'Dijkstra', 'E. W. Dijkstra')");
            s.execute("UPDATE customer SET full_name = 'Rear Admiral Hopper' WHERE id = 3");
            assertThat(s.query("SELECT id || ':' || full_name FROM customer ORDER BY id")).containsExactly(
                    "1:Ada King", "2:Alan M. Turing", "3:Rear Admiral Hopper", "4:E. W. Dijkstra");
            s.applyTwice("2", "3");
            assertThat(s.schema()).noneMatch(line -> line.contains("full_name") || line.contains("graft_"));
        }
    }

    /** Both applications at once: every row the new one wrote last holds what down gives. */
    @Test
    void bothApplicationsWriteAtOnce() throws Exception {
        try (Scenario s = Scenario.of("drop_column_race", CUSTOMER, DROP_WITH_DOWN)) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO customer SELECT g, 'F' || g, 'L' || g, 'F' || g || ' L' || g FROM generate_series(1, 200) g");
            s.migrate("2", "flyway_schema_history");
            long[] written = ShapeWriters.race(s, 400,
                    i -> i % 2 == 0 ? "UPDATE customer SET full_name = 'old ' || id WHERE id = " + (i % 200 + 1)
                            : "INSERT INTO customer VALUES (" + (10_000 + i) + ", 'o', 'w', 'old " + (10_000 + i) + "')",
                    i -> i % 2 == 0 ? "UPDATE customer SET last_name = 'N' || id WHERE id = " + ((i * 7) % 200 + 1)
                            : "INSERT INTO customer (id, first_name, last_name) VALUES (" + (20_000 + i) + ", 'n', 'w')");
            assertThat(written[0] + written[1]).isGreaterThan(700);
            assertThat(s.query("SELECT count(*) FROM customer WHERE full_name IS NULL"
                    + " OR full_name NOT IN (first_name || ' ' || last_name, 'old ' || id)")).containsExactly("0");
            assertThat(s.query("SELECT count(*) FROM customer WHERE id > 20000 AND full_name <> 'n w'")).containsExactly("0");
        }
    }
}
