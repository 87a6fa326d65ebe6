package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.generator.Scenario;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * split_table: both tables in sync during the transition, whichever one a writer uses (insert,
 * update, delete), and the contract equals the split a DBA writes by hand.
 */
class SplitTablePlanTest {

    static final String CUSTOMER = """
            refactorings:
              - create_table:
                  table: customer
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: name, type: text, nullable: false }
                    - { name: street, type: text }
                    - { name: city, type: text, default: "'Paris'" }
                  primary_key: id
            """;
    static final String SPLIT = """
            refactorings:
              - split_table:
                  table: customer
                  into: { table: customer_address, columns: [street, city] }
            """;
    static final String BY_HAND = """
            refactorings:
              - sql:
                  up: |
                    CREATE TABLE customer_address (
                      id bigint NOT NULL,
                      street text,
                      city text DEFAULT 'Paris',
                      CONSTRAINT customer_address_pkey PRIMARY KEY (id),
                      CONSTRAINT customer_address_id_fkey FOREIGN KEY (id) REFERENCES customer (id) ON DELETE CASCADE);
                    INSERT INTO customer_address SELECT id, street, city FROM customer
                      WHERE NOT ROW(street, city) IS NULL;
                    ALTER TABLE customer DROP COLUMN street, DROP COLUMN city;
            """;

    /** For the racing writers of {@link ConcurrentBackfillTest}: one in ten rows has no city, one in 17 nothing to move. */
    static final TransitionCase RACING = new TransitionCase("split_table", CUSTOMER, SPLIT, "customer",
            "INSERT INTO customer SELECT g, 'Name' || g, CASE WHEN g % 17 <> 0 THEN 'Street ' || g END,"
                    + " CASE WHEN g % 10 <> 0 AND g % 17 <> 0 THEN 'City' || (g % 100) END FROM generate_series(1, :rows) g",
            id -> "UPDATE customer SET street = 'Old " + id + "' WHERE id = " + id,
            id -> "UPDATE customer_address SET city = 'New " + id + "' WHERE id = " + id,
            id -> "INSERT INTO customer (id, name, street, city) VALUES (" + id + ", 'Ins', 'Ins " + id + "', NULL)",
            id -> "INSERT INTO customer (id, name) VALUES (" + id + ", 'New'); INSERT INTO customer_address (id, street)"
                    + " VALUES (" + id + ", 'New " + id + "')",
            "(NOT ROW(street, city) IS NULL OR EXISTS (SELECT 1 FROM customer_address a WHERE a.id = customer.id))"
                    + " AND NOT EXISTS (SELECT 1 FROM customer_address a WHERE a.id = customer.id"
                    + " AND ROW(a.street, a.city) IS NOT DISTINCT FROM ROW(customer.street, customer.city))",
            id -> "SELECT concat_ws('|', c.street, c.city, a.street, a.city) FROM customer c"
                    + " LEFT JOIN customer_address a ON a.id = c.id WHERE c.id = " + id);

    /** Both shapes as text: the customer's columns, then its address row or "-". */
    private static final String ROWS = "SELECT c.id || ':' || coalesce(c.street, '~') || ',' || coalesce(c.city, '~')"
            + " || '=' || coalesce(a.street || ',' || a.city, a.street, a.city, CASE WHEN a.id IS NULL THEN '-' ELSE '~' END)"
            + " FROM customer c LEFT JOIN customer_address a ON a.id = c.id ORDER BY c.id";

    @Test
    void bothTablesStayInSyncAndTheContractEqualsASplitByHand() throws Exception {
        try (Scenario s = Scenario.of("split_table", CUSTOMER, SPLIT, "refactorings:\n  - complete: \"2\"\n");
                Scenario byHand = Scenario.of("split_table_by_hand", CUSTOMER, BY_HAND)) {
            String seed = "INSERT INTO customer VALUES (1, 'Ann', 'Rue A', 'Lyon'), (2, 'Bob', NULL, NULL),"
                    + " (3, 'Cy', 'Main St', NULL)";
            s.migrate("1", "flyway_schema_history");
            s.execute(seed);
            s.applyTwice("1", "2");
            assertThat(s.query(ROWS)).containsExactly("1:Rue A,Lyon=Rue A,Lyon", "2:~,~=-", "3:Main St,~=Main St");
            // the old application writes the customer table alone
            s.execute("INSERT INTO customer (id, name, street) VALUES (4, 'Di', 'Quai 4')");
            s.execute("INSERT INTO customer (id, name, city) VALUES (5, 'Ed', NULL)");
            s.execute("UPDATE customer SET city = 'Nice' WHERE id = 3");
            s.execute("UPDATE customer SET street = 'Rue B', city = NULL WHERE id = 1");
            s.execute("UPDATE customer SET street = NULL, city = NULL WHERE id = 1");
            s.execute("UPDATE customer SET name = 'Bobby' WHERE id = 2");
            assertThat(s.query(ROWS)).containsExactly("1:~,~=-", "2:~,~=-", "3:Main St,Nice=Main St,Nice",
                    "4:Quai 4,Paris=Quai 4,Paris", "5:~,~=-");
            // the new application writes both tables; its insert takes over the row the default made
            s.execute("INSERT INTO customer (id, name) VALUES (6, 'Flo')");
            s.execute("INSERT INTO customer_address (id, street, city) VALUES (6, 'Via 6', 'Rome')");
            s.execute("INSERT INTO customer_address (id, city) VALUES (2, 'Oslo')");
            s.execute("UPDATE customer_address SET street = 'Ring 3' WHERE id = 3");
            s.execute("DELETE FROM customer_address WHERE id = 4");
            assertThat(s.query(ROWS)).containsExactly("1:~,~=-", "2:~,Oslo=Oslo", "3:Ring 3,Nice=Ring 3,Nice",
                    "4:~,~=-", "5:~,~=-", "6:Via 6,Rome=Via 6,Rome");
            s.execute("DELETE FROM customer WHERE id = 3");
            assertThat(s.query("SELECT count(*) FROM customer_address WHERE id = 3")).containsExactly("0");
            assertThatThrownBy(() -> s.execute("INSERT INTO customer_address (id, city) VALUES (99, 'Nowhere')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("customer_address_id_fkey");
            s.applyTwice("2", "3");
            byHand.migrate("1", "flyway_schema_history");
            byHand.execute(seed);
            byHand.migrate("2", "flyway_schema_history");
            assertThat(s.schema()).isEqualTo(byHand.schema());
            assertThat(s.query("SELECT id || ':' || coalesce(street, '~') || ',' || coalesce(city, '~')"
                    + " FROM customer_address ORDER BY id")).containsExactly("2:~,Oslo", "6:Via 6,Rome");
        }
    }

    /**
     * A moved column that is NOT NULL keeps refusing NULL: deleting the new table's row would leave
     * the old shape without a value, so it is refused while the transition is open.
     */
    @Test
    void aRequiredMovedColumnRefusesADeleteOfItsNewRow() throws Exception {
        try (Scenario s = Scenario.of("split_table_required", """
                refactorings:
                  - create_table:
                      table: account
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: iban, type: text, nullable: false }
                      primary_key: id
                """, "refactorings:\n  - split_table: { table: account, into: { table: account_bank, columns: [iban] } }\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO account VALUES (1, 'DE01'), (2, 'FR02')");
            s.migrate("2", "flyway_schema_history");
            assertThat(s.query("SELECT id || ':' || iban FROM account_bank ORDER BY id")).containsExactly("1:DE01", "2:FR02");
            assertThatThrownBy(() -> s.execute("DELETE FROM account_bank WHERE id = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("null value");
            assertThatThrownBy(() -> s.execute("INSERT INTO account_bank VALUES (3, NULL)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("null value");
            s.execute("UPDATE account_bank SET iban = 'ES03' WHERE id = 2");
            assertThat(s.query("SELECT iban FROM account WHERE id = 2")).containsExactly("ES03");
        }
    }
}
