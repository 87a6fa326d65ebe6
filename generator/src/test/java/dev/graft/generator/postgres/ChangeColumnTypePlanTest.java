package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.generator.GeneratedFile;
import dev.graft.generator.Scenario;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** change_column_type: a synced shadow column; the contract equals an in-place ALTER COLUMN TYPE. */
class ChangeColumnTypePlanTest {

    static final String TABLE = """
            refactorings:
              - create_table:
                  table: item
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: price, type: integer, nullable: false, default: "0", check: "price >= 0", unique: true, comment: cents }
                  primary_key: id
              - create_table:
                  table: offer
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: item_price, type: integer, references: { table: item, column: price } }
                  primary_key: id
              - create_index: { table: item, columns: [price], where: "price > 100" }
            """;
    static final String CHANGE = """
            refactorings:
              - change_column_type:
                  table: item
                  column: price
                  type: bigint
                  up: "price::bigint"
                  down: "price::integer"
                  on_conflict: prefer_new
            """;

    static final String COMPLETE = "refactorings:\n  - complete: \"2\"\n";

    @Test
    void shadowStaysInSyncAndTheContractEqualsAnInPlaceChange() throws Exception {
        try (Scenario s = Scenario.of("change_type", TABLE, CHANGE, "refactorings:\n  - complete: \"2\"\n");
                Scenario inPlace = Scenario.of("change_type_in_place", TABLE,
                        "refactorings:\n  - sql: { up: \"ALTER TABLE offer ALTER COLUMN item_price TYPE integer;"
                                + " ALTER TABLE item ALTER COLUMN price TYPE bigint USING price::bigint\" }\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO item VALUES (1, 150), (2, 200)");
            s.execute("INSERT INTO offer VALUES (1, 150)");
            s.applyTwice("1", "2");
            s.execute("INSERT INTO item (id, price) VALUES (3, 300)");
            s.execute("INSERT INTO item (id, graft_2_item_price) VALUES (4, 400)");
            s.execute("INSERT INTO item (id) VALUES (5)");
            s.execute("INSERT INTO item (id, price, graft_2_item_price) VALUES (6, 1, 600)");
            assertThat(s.query("SELECT id || ':' || price || '=' || graft_2_item_price FROM item ORDER BY id"))
                    .containsExactly("1:150=150", "2:200=200", "3:300=300", "4:400=400", "5:0=0", "6:600=600");
            s.applyTwice("2", "3");
            inPlace.migrate("2", "flyway_schema_history");
            assertThat(s.schema()).isEqualTo(inPlace.schema());
            assertThat(s.query("SELECT id || ':' || price FROM item ORDER BY id"))
                    .containsExactly("1:150", "2:200", "3:300", "4:400", "5:0", "6:600");
        }
    }

    /**
     * An explicit NULL through either shape is a write of NULL: it maps to NULL in the other shape
     * of a nullable column and is refused by a NOT NULL one, as without the transition; it never
     * takes the default, which only an omitted column gets.
     */
    @Test
    void anExplicitNullIsWrittenNotReplacedByTheDefault() throws Exception {
        try (Scenario s = Scenario.of("change_type_nulls", """
                refactorings:
                  - create_table:
                      table: item
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: price, type: integer, nullable: false, default: "0" }
                        - { name: weight, type: integer, default: "7" }
                      primary_key: id
                """, CHANGE, """
                refactorings:
                  - change_column_type: { table: item, column: weight, type: bigint, up: "weight::bigint", down: "weight::integer" }
                """)) {
            s.migrate("3", "flyway_schema_history");
            s.execute("INSERT INTO item (id, weight) VALUES (1, NULL)");
            s.execute("INSERT INTO item (id, graft_3_item_weight) VALUES (2, NULL)");
            s.execute("INSERT INTO item (id) VALUES (3)");
            s.execute("INSERT INTO item (id, weight, graft_3_item_weight) VALUES (4, NULL, NULL)");
            assertThat(s.query("SELECT id || ':' || price || '=' || graft_2_item_price || ','"
                    + " || coalesce(weight::text, '-') || '=' || coalesce(graft_3_item_weight::text, '-') FROM item ORDER BY id"))
                    .containsExactly("1:0=0,-=-", "2:0=0,-=-", "3:0=0,7=7", "4:0=0,-=-");
            assertThatThrownBy(() -> s.execute("INSERT INTO item (id, price) VALUES (5, NULL)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("null value");
            assertThatThrownBy(() -> s.execute("INSERT INTO item (id, graft_2_item_price) VALUES (6, NULL)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("null value");
        }
    }

    /**
     * The contract does not build an index or scan for a constraint while it holds a lock that
     * stops writers: indexes are built concurrently (so the migration runs outside a transaction,
     * as create_index does), checks and foreign keys are added NOT VALID and validated apart; the
     * final atomic statement, which drops the old column, keeps what those steps made.
     */
    @Test
    void theContractBuildsIndexesConcurrentlyAndValidatesConstraintsApart() throws Exception {
        try (Scenario s = Scenario.of("change_type_online", TABLE, CHANGE, COMPLETE)) {
            assertThat(s.generate()).anyMatch(f -> f.kind() == GeneratedFile.Kind.SQL_CONFIG
                    && f.path().getFileName().toString().equals("V3__step_3.sql.conf")
                    && f.content().endsWith("executeInTransaction=false\n"));
            List<String> statements = s.statements("3");
            assertThat(statements).contains(
                    "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"item_price_key\" ON \"public\".\"item\" (\"price\");",
                    "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"item_price_idx\" ON \"public\".\"item\" (\"price\")"
                            + " WHERE (price > 100);");
            assertThat(statements).filteredOn(sql -> sql.contains("ADD CONSTRAINT \""))
                    .allMatch(sql -> sql.contains(" NOT VALID;") || sql.contains(" USING INDEX "))
                    .anyMatch(sql -> sql.contains("\"offer_item_price_fkey\" FOREIGN KEY"))
                    .anyMatch(sql -> sql.contains("\"item_price_check\" CHECK"));
            assertThat(statements).anyMatch(sql -> sql.contains("VALIDATE CONSTRAINT \"offer_item_price_fkey\""))
                    .anyMatch(sql -> sql.contains("VALIDATE CONSTRAINT \"item_price_check\""));

            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO item VALUES (1, 150), (2, 200)");
            s.execute("INSERT INTO offer VALUES (1, 150)");
            s.migrate("2", "flyway_schema_history");
            int end = statements.size() - 2;
            assertThat(statements.get(end)).contains("DROP TRIGGER").contains("DROP COLUMN");
            s.run(statements.subList(0, end));
            String built = "SELECT 'item_price_idx'::regclass::oid || ',' || 'item_price_key'::regclass::oid || ','"
                    + " || (SELECT string_agg(oid::text || ':' || convalidated, ',' ORDER BY conname) FROM pg_constraint"
                    + " WHERE conname IN ('item_price_check', 'item_price_key', 'offer_item_price_fkey'))";
            List<String> before = s.query(built);
            assertThat(before.get(0)).doesNotContain("false");
            s.run(statements.subList(end, statements.size()));
            assertThat(s.query(built)).isEqualTo(before);
            assertThat(s.schema()).noneMatch(line -> line.contains("graft_"));
        }
    }

    /**
     * Stopped after any statement and run again from the start, the contract ends where an
     * uninterrupted run ends; and at every statement boundary the application can still write,
     * with the unique key and the foreign keys enforced.
     */
    @Test
    void interruptedAfterAnyStatementTheContractResumesAndTheTableStaysUsable() throws Exception {
        try (Scenario s = Scenario.of("change_type_resume", TABLE, CHANGE, COMPLETE)) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO item VALUES (1, 150), (2, 200)");
            s.execute("INSERT INTO offer VALUES (1, 150)");
            s.migrate("2", "flyway_schema_history");
            List<String> statements = s.statements("3");
            List<String> schema;
            List<String> data;
            try (Scenario once = s.fork("change_type_resume_once")) {
                once.migrate("3", "flyway_schema_history");
                schema = once.schema();
                data = once.data();
            }
            for (int k = 0; k <= statements.size(); k++) {
                try (Scenario resumed = s.fork("change_type_resume_" + k)) {
                    resumed.run(statements.subList(0, k));
                    String after = "after " + k + " of " + statements.size() + " statements";
                    resumed.execute("INSERT INTO item (id, price) VALUES (100, 1000)");
                    resumed.execute("INSERT INTO offer VALUES (100, 1000)");
                    resumed.execute("UPDATE item SET price = 250 WHERE id = 2");
                    assertThatThrownBy(() -> resumed.execute("INSERT INTO item (id, price) VALUES (101, 250)")).as(after)
                            .isInstanceOf(SQLException.class).hasMessageContaining("duplicate key");
                    assertThatThrownBy(() -> resumed.execute("INSERT INTO offer VALUES (101, 999)")).as(after)
                            .isInstanceOf(SQLException.class).hasMessageContaining("foreign key");
                    resumed.execute("DELETE FROM offer WHERE id = 100");
                    resumed.execute("DELETE FROM item WHERE id = 100");
                    resumed.execute("UPDATE item SET price = 200 WHERE id = 2");
                    resumed.migrate("3", "flyway_schema_history");
                    assertThat(resumed.schema()).as("schema " + after + ", then the whole file").isEqualTo(schema);
                    assertThat(resumed.data()).as("data " + after + ", then the whole file").isEqualTo(data);
                }
            }
            assertThat(schema).contains("index CREATE INDEX item_price_idx ON public.item USING btree (price) WHERE (price > 100)",
                    "constraint offer offer_item_price_fkey FOREIGN KEY (item_price) REFERENCES item(price)");
        }
    }

    /**
     * What the catalog does not describe is still carried over by the contract, read from the
     * database when it runs: an index and a check made by hand during the transition, an index of
     * the catalog remade by hand as another kind, and a primary key with a foreign key referring to it.
     */
    @Test
    void whatTheCatalogDoesNotDescribeIsCarriedOverToo() throws Exception {
        String tables = TABLE + """
                  - create_table:
                      table: tag
                      columns: [ { name: id, type: integer, nullable: false }, { name: label, type: text } ]
                      primary_key: id
                  - create_table:
                      table: tag_use
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: tag_id, type: integer, references: { table: tag } }
                      primary_key: id
                """;
        String byHand = "CREATE INDEX item_price_hash ON item USING hash (price);"
                + " ALTER TABLE item ADD CONSTRAINT item_price_small CHECK (price < 100000);"
                + " DROP INDEX item_price_idx; CREATE INDEX item_price_idx ON item USING hash (price) WHERE price > 100";
        try (Scenario s = Scenario.of("change_type_unknown", tables, CHANGE + """
                  - change_column_type: { table: tag, column: id, type: bigint, up: "id::bigint", down: "id::integer" }
                """, COMPLETE);
                Scenario inPlace = Scenario.of("change_type_unknown_in_place", tables)) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO item VALUES (1, 150); INSERT INTO tag VALUES (1, 'red'); INSERT INTO tag_use VALUES (1, 1)");
            s.migrate("2", "flyway_schema_history");
            s.execute(byHand);
            s.applyTwice("2", "3");
            inPlace.migrate("1", "flyway_schema_history");
            inPlace.execute(byHand);
            inPlace.execute("ALTER TABLE item ALTER COLUMN price TYPE bigint; ALTER TABLE tag ALTER COLUMN id TYPE bigint");
            assertThat(s.schema()).isEqualTo(inPlace.schema())
                    .contains("index CREATE INDEX item_price_hash ON public.item USING hash (price)",
                            "index CREATE INDEX item_price_idx ON public.item USING hash (price) WHERE (price > 100)",
                            "constraint tag_use tag_use_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES tag(id)");
            // the new column comes last: only its position differs from an in-place change
            assertThat(s.data()).contains("tag (red,1)", "tag_use (1,1)");
        }
    }
}
