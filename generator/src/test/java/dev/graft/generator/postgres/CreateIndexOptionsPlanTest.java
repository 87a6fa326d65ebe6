package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/**
 * create_index options: method, operator class, collation, order, include, storage parameters,
 * nulls not distinct, tablespace; applied twice; a type change after them rebuilds the same index.
 */
class CreateIndexOptionsPlanTest {

    private static final String DOCUMENT = """
            refactorings:
              - create_table:
                  table: document
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: title, type: text }
                    - { name: tags, type: "text[]" }
                    - { name: body, type: jsonb }
                    - { name: code, type: "varchar(20)" }
                    - { name: created, type: timestamptz }
                  primary_key: id
            """;

    @Test
    void everyOptionReachesPgIndexAndRunningAgainChangesNothing() throws Exception {
        try (Scenario s = Scenario.of("create_index_options", DOCUMENT, """
                refactorings:
                  - create_index: { table: document, columns: [tags], method: gin, name: document_tags_idx }
                  - create_index:
                      table: document
                      method: gin
                      columns: [{ column: body, opclass: jsonb_path_ops }]
                      storage_parameters: { fastupdate: "off" }
                  - create_index:
                      table: document
                      columns:
                        - { column: title, collate: C, opclass: text_pattern_ops, sort: desc, nulls: last }
                        - { expression: "lower(code)" }
                      include: [created]
                      storage_parameters: { fillfactor: 70 }
                      tablespace: pg_default
                      where: "id > 0"
                      name: document_title_idx
                  - create_index: { table: document, columns: [code], unique: true, nulls_not_distinct: true }
                  - create_index: { table: document, columns: [created], method: brin, storage_parameters: { pages_per_range: 32 } }
                  - create_index: { table: document, columns: [code], method: hash, name: document_code_hash }
                """)) {
            s.applyTwice("1", "2");
            assertThat(s.query("SELECT c.relname || ' ' || am.amname || ' ' || coalesce(array_to_string(c.reloptions, ','), '')"
                    + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam"
                    + " WHERE i.indrelid = 'document'::regclass AND NOT i.indisprimary ORDER BY 1")).containsExactly(
                    "document_body_idx gin fastupdate=off", "document_code_hash hash ", "document_code_idx btree ",
                    "document_created_idx brin pages_per_range=32", "document_tags_idx gin ",
                    "document_title_idx btree fillfactor=70");
            assertThat(s.query("SELECT opc.opcname FROM pg_index i JOIN pg_opclass opc ON opc.oid = i.indclass[0]"
                    + " WHERE i.indexrelid = 'document_body_idx'::regclass")).containsExactly("jsonb_path_ops");
            assertThat(s.query("SELECT pg_get_indexdef('document_title_idx'::regclass)")).containsExactly(
                    "CREATE INDEX document_title_idx ON public.document USING btree (title COLLATE \"C\""
                    + " text_pattern_ops DESC NULLS LAST, lower((code)::text)) INCLUDE (created) WITH (fillfactor='70')"
                    + " WHERE (id > 0)");
            assertThat(s.query("SELECT indnullsnotdistinct::text FROM pg_index"
                    + " WHERE indexrelid = 'document_code_idx'::regclass")).containsExactly("true");
        }
    }

    @Test
    void aTypeChangeAfterAnIndexWithOptionsRebuildsTheSameIndex() throws Exception {
        try (Scenario s = Scenario.of("create_index_options_swap", DOCUMENT, """
                refactorings:
                  - create_index:
                      table: document
                      columns: [{ column: code, opclass: varchar_pattern_ops, sort: desc }]
                      storage_parameters: { fillfactor: 80 }
                      name: document_code_pattern_idx
                """, """
                refactorings:
                  - change_column_type: { table: document, column: code, type: "varchar(40)", up: code, down: code }
                """, """
                refactorings:
                  - complete: "3"
                """)) {
            s.applyTwice("3", "4");
            assertThat(s.query("SELECT pg_get_indexdef('document_code_pattern_idx'::regclass)")).containsExactly(
                    "CREATE INDEX document_code_pattern_idx ON public.document USING btree (code varchar_pattern_ops"
                    + " DESC) WITH (fillfactor='80')");
            assertThat(s.query("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                    + " WHERE attrelid = 'document'::regclass AND attname = 'code'")).containsExactly(
                    "character varying(40)");
        }
    }
}
