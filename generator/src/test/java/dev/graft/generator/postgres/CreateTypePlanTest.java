package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import org.junit.jupiter.api.Test;

/** create_type: enum and composite types, created once, guarded on pg_type; columns use them. */
class CreateTypePlanTest {

    static final String TYPES = """
            refactorings:
              - create_type: { name: mood, enum: [sad, "so-so", "O'Happy"] }
              - create_type:
                  name: public.address
                  attributes:
                    - { name: street, type: text }
                    - { name: zip, type: "varchar(10)" }
              - create_table:
                  table: person
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: feeling, type: public.mood, default: "'sad'" }
                    - { name: home, type: public.address }
                  primary_key: id
            """;

    @Test
    void createsEnumAndCompositeTypesOnceAndColumnsUseThem() throws Exception {
        try (Scenario s = Scenario.of("create_type", TYPES)) {
            s.applyTwice("0", "1");
            assertThat(s.query("SELECT enumlabel FROM pg_enum WHERE enumtypid = 'public.mood'::regtype"
                    + " ORDER BY enumsortorder")).containsExactly("sad", "so-so", "O'Happy");
            assertThat(s.query("SELECT typtype::text FROM pg_type WHERE oid IN ('public.mood'::regtype,"
                    + " 'public.address'::regtype) ORDER BY typname")).containsExactly("c", "e");
            assertThat(s.query("SELECT attname || ' ' || format_type(atttypid, atttypmod) FROM pg_attribute"
                    + " WHERE attrelid = (SELECT typrelid FROM pg_type WHERE oid = 'public.address'::regtype)"
                    + " ORDER BY attnum")).containsExactly("street text", "zip character varying(10)");
            s.execute("INSERT INTO person VALUES (1, 'so-so', ROW('Main St 1', '1011'))");
            assertThat(s.query("SELECT feeling::text || ' ' || (home).zip FROM person")).containsExactly("so-so 1011");
            assertThat(s.sql("1")).contains("IF NOT EXISTS (SELECT t.oid FROM pg_catalog.pg_type t JOIN"
                    + " pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typname"
                    + " = 'mood') THEN\n    CREATE TYPE \"public\".\"mood\" AS ENUM ('sad', 'so-so', 'O''Happy');");
        }
    }
}
