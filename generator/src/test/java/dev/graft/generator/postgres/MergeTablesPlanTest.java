package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/**
 * merge_tables: the columns of a table keyed 1:1 join the main table; both stay in sync during the
 * transition, whichever one a writer uses, and the contract equals the merge a DBA writes by hand.
 */
class MergeTablesPlanTest {

    static final String TABLES = """
            refactorings:
              - create_table:
                  table: customer
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: name, type: text, nullable: false }
                  primary_key: id
              - create_table:
                  table: customer_address
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: street, type: text }
                    - { name: city, type: text, default: "'Paris'" }
                  primary_key: id
            """;
    static final String MERGE = "refactorings:\n  - merge_tables: { table: customer, from: customer_address }\n";
    static final String BY_HAND = """
            refactorings:
              - sql:
                  up: |
                    ALTER TABLE customer ADD COLUMN street text, ADD COLUMN city text;
                    UPDATE customer c SET street = a.street, city = a.city FROM customer_address a WHERE a.id = c.id;
                    ALTER TABLE customer ALTER COLUMN city SET DEFAULT 'Paris';
                    DROP TABLE customer_address;
            """;
    /** For the racing writers of {@link ConcurrentBackfillTest}: one customer in ten has no address row. */
    static final TransitionCase RACING = new TransitionCase("merge_tables", TABLES, MERGE, "customer",
            "INSERT INTO customer SELECT g, 'Name' || g FROM generate_series(1, :rows) g;"
                    + " INSERT INTO customer_address SELECT g, 'Street ' || g, CASE WHEN g % 7 <> 0 THEN 'City' || (g % 100) END"
                    + " FROM generate_series(1, :rows) g WHERE g % 10 <> 0",
            id -> "UPDATE customer_address SET city = 'Old " + id + "' WHERE id = " + id,
            id -> "UPDATE customer SET street = 'New " + id + "' WHERE id = " + id,
            id -> "INSERT INTO customer (id, name) VALUES (" + id + ", 'Ins'); INSERT INTO customer_address (id, street)"
                    + " VALUES (" + id + ", 'Ins " + id + "')",
            id -> "INSERT INTO customer (id, name, street, city) VALUES (" + id + ", 'New', 'New " + id + "', NULL)",
            "(NOT ROW(street, city) IS NULL OR EXISTS (SELECT 1 FROM customer_address a WHERE a.id = customer.id"
                    + " AND NOT ROW(a.street, a.city) IS NULL)) AND NOT EXISTS (SELECT 1 FROM customer_address a"
                    + " WHERE a.id = customer.id AND ROW(a.street, a.city) IS NOT DISTINCT FROM ROW(customer.street, customer.city))",
            id -> "SELECT concat_ws('|', c.street, c.city, a.street, a.city) FROM customer c"
                    + " LEFT JOIN customer_address a ON a.id = c.id WHERE c.id = " + id);

    private static final String ROWS = "SELECT c.id || ':' || coalesce(c.street, '~') || ',' || coalesce(c.city, '~')"
            + " || '=' || CASE WHEN a.id IS NULL THEN '-' ELSE coalesce(a.street, '~') || ',' || coalesce(a.city, '~') END"
            + " FROM customer c LEFT JOIN customer_address a ON a.id = c.id ORDER BY c.id";

    @Test
    void bothTablesStayInSyncAndTheContractEqualsAMergeByHand() throws Exception {
        try (Scenario s = Scenario.of("merge_tables", TABLES, MERGE, "refactorings:\n  - complete: \"2\"\n");
                Scenario byHand = Scenario.of("merge_tables_by_hand", TABLES, BY_HAND)) {
            String seed = "INSERT INTO customer VALUES (1, 'Ann'), (2, 'Bob'), (3, 'Cy');"
                    + " INSERT INTO customer_address VALUES (1, 'Rue A', 'Lyon'), (3, NULL, 'Oslo')";
            s.migrate("1", "flyway_schema_history");
            s.execute(seed);
            s.applyTwice("1", "2");
            assertThat(s.query(ROWS)).containsExactly("1:Rue A,Lyon=Rue A,Lyon", "2:~,~=-", "3:~,Oslo=~,Oslo");
            // the old application writes both tables
            s.execute("INSERT INTO customer (id, name) VALUES (4, 'Di')");
            s.execute("INSERT INTO customer_address (id, street) VALUES (4, 'Quai 4')");
            s.execute("UPDATE customer_address SET city = 'Nice' WHERE id = 1");
            s.execute("DELETE FROM customer_address WHERE id = 3");
            assertThat(s.query(ROWS)).containsExactly("1:Rue A,Nice=Rue A,Nice", "2:~,~=-", "3:~,~=-",
                    "4:Quai 4,Paris=Quai 4,Paris");
            // the new application writes the customer table alone
            s.execute("INSERT INTO customer (id, name, street, city) VALUES (5, 'Ed', 'Via 5', 'Rome')");
            s.execute("UPDATE customer SET street = 'Ring 2' WHERE id = 2");
            s.execute("UPDATE customer SET street = NULL, city = NULL WHERE id = 4");
            s.execute("DELETE FROM customer WHERE id = 1");
            assertThat(s.query(ROWS)).containsExactly("2:Ring 2,~=Ring 2,~", "3:~,~=-", "4:~,~=-", "5:Via 5,Rome=Via 5,Rome");
            assertThat(s.query("SELECT count(*) FROM customer_address")).containsExactly("2");
            s.applyTwice("2", "3");
            byHand.migrate("1", "flyway_schema_history");
            byHand.execute(seed);
            byHand.migrate("2", "flyway_schema_history");
            assertThat(s.schema()).isEqualTo(byHand.schema());
            s.execute("INSERT INTO customer (id, name) VALUES (6, 'Flo')");
            assertThat(s.query("SELECT city FROM customer WHERE id = 6")).containsExactly("Paris");
        }
    }
}
