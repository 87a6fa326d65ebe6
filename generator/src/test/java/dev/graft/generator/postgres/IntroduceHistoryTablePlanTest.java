package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** introduce_history_table: every change of the table is a row of its history. */
class IntroduceHistoryTablePlanTest {

    private static final String PRICE = """
            refactorings:
              - create_table:
                  table: price
                  columns:
                    - { name: id, type: bigserial, nullable: false }
                    - { name: amount, type: "numeric(10,2)", nullable: false, check: "amount >= 0" }
                  primary_key: id
            """;

    @Test
    void recordsEveryChange() throws Exception {
        try (Scenario s = Scenario.of("history", PRICE, "refactorings:\n  - introduce_history_table: { table: price }\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO price (amount) VALUES (1.00)");
            s.applyTwice("1", "2");
            s.execute("INSERT INTO price (amount) VALUES (2.00)");
            s.execute("UPDATE price SET amount = 1.50 WHERE id = 1");
            s.execute("DELETE FROM price WHERE id = 2");
            assertThat(s.query("SELECT id || ':' || amount || ':' || operation || ':' || (txid > 0) FROM price_history"
                    + " ORDER BY changed_at, operation DESC")).containsExactly(
                    "2:2.00:INSERT:true", "1:1.50:UPDATE:true", "2:2.00:DELETE:true");
        }
    }

    @Test
    void bothWritersAreRecordedAtOnce() throws Exception {
        try (Scenario s = Scenario.of("history_race", PRICE,
                "refactorings:\n  - introduce_history_table: { table: price, history: price_audit }\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO price (amount) SELECT g FROM generate_series(1, 100) g");
            s.migrate("2", "flyway_schema_history");
            long[] written = ShapeWriters.race(s, 300,
                    i -> "UPDATE price SET amount = amount + 1 WHERE id = " + (i % 100 + 1),
                    i -> i % 3 == 0 ? "DELETE FROM price WHERE id = " + (1000 + i - 1)
                            : "INSERT INTO price (id, amount) VALUES (" + (1000 + i) + ", 1)");
            assertThat(written[0]).isEqualTo(300);
            assertThat(s.query("SELECT count(*) FILTER (WHERE operation = 'UPDATE') || ':' || count(*) FILTER (WHERE"
                    + " operation = 'INSERT') || ':' || count(*) FILTER (WHERE operation = 'DELETE') FROM price_audit"))
                    .containsExactly("300:200:100");
            // the history replays into the table's state
            assertThat(s.query("SELECT count(*) FROM price p WHERE amount IS DISTINCT FROM (SELECT h.amount FROM"
                    + " price_audit h WHERE h.id = p.id ORDER BY h.changed_at DESC, h.txid DESC LIMIT 1)"
                    + " AND EXISTS (SELECT 1 FROM price_audit h WHERE h.id = p.id)")).containsExactly("0");
        }
    }
}
