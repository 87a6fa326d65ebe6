package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.GeneratedFile;
import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** drop_index: concurrently, by name or by table and columns; an interrupted drop completes. */
class DropIndexPlanTest {

    static final String TABLES = """
            refactorings:
              - create_table:
                  table: item
                  columns: [ { name: id, type: bigint, nullable: false }, { name: sku, type: text }, { name: shelf, type: text } ]
                  primary_key: id
              - create_index: { table: item, columns: [sku] }
              - create_index: { table: item, columns: [shelf, sku], name: item_place }
            """;

    @Test
    void byNameAndByColumnsConcurrently() throws Exception {
        try (Scenario s = Scenario.of("drop_index", TABLES, """
                refactorings:
                  - drop_index: { name: item_sku_idx }
                  - drop_index: { table: item, columns: [shelf, sku] }
                """)) {
            assertThat(s.generate()).anyMatch(f -> f.kind() == GeneratedFile.Kind.SQL_CONFIG
                    && f.migration().version().toString().equals("2") && f.content().endsWith("executeInTransaction=false\n"));
            assertThat(s.sql("2")).contains("DROP INDEX CONCURRENTLY IF EXISTS \"public\".\"item_place\"");
            s.applyTwice("1", "2");
            assertThat(s.query("SELECT relname FROM pg_class WHERE relname LIKE 'item%' AND relkind = 'i' ORDER BY 1"))
                    .containsExactly("item_pkey");
        }
    }

    @Test
    void anInvalidLeftoverOfAnInterruptedDropIsDropped() throws Exception {
        try (Scenario s = Scenario.of("drop_index_invalid", TABLES, "refactorings:\n  - drop_index: { name: item_place }\n")) {
            s.migrate("1", "flyway_schema_history");
            s.execute("UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'item_place'::regclass");
            s.migrate("2", "flyway_schema_history");
            assertThat(s.query("SELECT count(*) FROM pg_class WHERE relname = 'item_place'")).containsExactly("0");
        }
    }

    @Test
    void anIndexTheSchemaViewCannotSeeIsFoundInPgCatalog() throws Exception {
        try (Scenario s = Scenario.of("drop_index_unseen", TABLES + """
                  - sql:
                      up: |
                        DO $$ BEGIN EXECUTE 'CREATE INDEX IF NOT EXISTS item_hidden ON item (shelf)'; END $$;
                """, "refactorings:\n  - drop_index: { table: item, columns: [shelf] }\n")) {
            assertThat(s.sql("2")).contains("FOR graft_index IN SELECT").doesNotContain("CONCURRENTLY");
            s.applyTwice("1", "2");
            assertThat(s.query("SELECT relname FROM pg_class WHERE relname LIKE 'item%' AND relkind = 'i' ORDER BY 1"))
                    .containsExactly("item_pkey", "item_place", "item_sku_idx");
        }
    }
}
