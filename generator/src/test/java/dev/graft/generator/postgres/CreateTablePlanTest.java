package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.generator.Scenario;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** create_table: every constraint named as the catalog names it; idempotent. */
class CreateTablePlanTest {

    @Test
    void createsTheTableWithNamedConstraintsOnce() throws Exception {
        try (Scenario s = Scenario.of("create_table", """
                refactorings:
                  - create_table:
                      table: warehouse
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: code, type: varchar(3), nullable: false, unique: true, check: "length(code) = 3" }
                      primary_key: id
                  - create_table:
                      table: bin
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: warehouse_id, type: bigint, references: { table: warehouse, on_delete: cascade } }
                        - { name: label, type: text, default: "'new'", comment: "printed on the shelf" }
                      primary_key: [id]
                """)) {
            s.applyTwice("0", "1");
            assertThat(s.schema()).contains(
                    "constraint warehouse warehouse_code_key UNIQUE (code)",
                    "constraint warehouse warehouse_code_check CHECK ((length((code)::text) = 3))",
                    "constraint bin bin_warehouse_id_fkey FOREIGN KEY (warehouse_id) REFERENCES warehouse(id) ON DELETE CASCADE",
                    "constraint bin bin_pkey PRIMARY KEY (id)",
                    "column bin.label text default 'new'::text comment printed on the shelf");
        }
    }

    /** Table constraints, identity, generated columns and collations, as pg_catalog records them. */
    static final String FULL = """
            refactorings:
              - create_table:
                  table: room
                  columns:
                    - { name: id, type: bigint, identity: always }
                    - { name: code, type: text, nullable: false, collate: "C" }
                    - { name: floor, type: integer }
                  primary_key: id
                  constraints:
                    - { unique: [floor, code], name: room_floor_code_key }
              - create_table:
                  table: booking
                  columns:
                    - { name: id, type: integer, identity: by_default }
                    - { name: room_floor, type: integer }
                    - { name: room_code, type: text }
                    - { name: guest, type: text }
                    - { name: guest_key, type: text, generated: { expression: "upper(guest)", stored: true } }
                    - { name: guest_length, type: integer, generated: { expression: "length(guest)", stored: false } }
                    - { name: starts_at, type: timestamptz, nullable: false }
                    - { name: ends_at, type: timestamptz, nullable: false }
                  primary_key: id
                  constraints:
                    - { unique: [guest, starts_at], nulls_not_distinct: true, deferrable: true }
                    - { check: "starts_at < ends_at" }
                    - foreign_key: [room_floor, room_code]
                      references: { table: room, columns: [floor, code], on_delete: cascade, match: full, initially_deferred: true }
                    - exclude:
                        using: gist
                        elements: [{ expression: "tstzrange(starts_at, ends_at)", operator: "&&" }]
                        where: "guest IS NOT NULL"
                      name: booking_no_overlap
            """;

    @Test
    void tableConstraintsIdentityAndGeneratedColumnsAreWhatPgCatalogSays() throws Exception {
        try (Scenario s = Scenario.of("create_table_full", FULL)) {
            s.applyTwice("0", "1");
            assertThat(s.query("SELECT conname || ' ' || contype::text || ' deferrable=' || condeferrable || ' deferred='"
                    + " || condeferred || ' match=' || confmatchtype::text || ' ' || coalesce((SELECT string_agg(a.attname, ',' ORDER BY k.n)"
                    + " FROM unnest(conkey) WITH ORDINALITY AS k(attnum, n) JOIN pg_attribute a ON a.attrelid = conrelid"
                    + " AND a.attnum = k.attnum), '(expression)') FROM pg_constraint WHERE conrelid = 'booking'::regclass AND contype <> 'n'"
                    + " ORDER BY conname")).containsExactly(
                    "booking_check c deferrable=false deferred=false match=  starts_at,ends_at",
                    "booking_guest_starts_at_key u deferrable=true deferred=false match=  guest,starts_at",
                    "booking_no_overlap x deferrable=false deferred=false match=  (expression)",
                    "booking_pkey p deferrable=false deferred=false match=  id",
                    "booking_room_floor_room_code_fkey f deferrable=true deferred=true match=f room_floor,room_code");
            assertThat(s.query("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'booking_no_overlap'"))
                    .containsExactly("EXCLUDE USING gist (tstzrange(starts_at, ends_at) WITH &&) WHERE ((guest IS NOT NULL))");
            assertThat(s.query("SELECT indnullsnotdistinct::text FROM pg_index WHERE indexrelid = 'booking_guest_starts_at_key'::regclass"))
                    .containsExactly("true");
            assertThat(s.query("SELECT attrelid::regclass || '.' || attname || ' identity=' || attidentity::text || ' generated='"
                    + " || attgenerated::text || ' notnull=' || attnotnull || coalesce(' collate=' || c.collname, '')"
                    + " FROM pg_attribute LEFT JOIN pg_collation c ON c.oid = attcollation AND c.collname <> 'default'"
                    + " WHERE attrelid IN ('room'::regclass, 'booking'::regclass) AND attnum > 0 ORDER BY attrelid, attnum"))
                    .contains("room.id identity=a generated= notnull=true", "room.code identity= generated= notnull=true collate=C",
                            "booking.id identity=d generated= notnull=true", "booking.guest_key identity= generated=s notnull=false",
                            "booking.guest_length identity= generated=v notnull=false");
        }
    }

    @Test
    void theConstraintsHoldOnRows() throws Exception {
        try (Scenario s = Scenario.of("create_table_rows", FULL)) {
            s.migrate("1", "flyway_schema_history");
            s.execute("INSERT INTO room (code, floor) VALUES ('A', 1)");
            try (Connection c = s.connect(); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                // the foreign key is checked at commit: the room may come after the booking
                st.execute("INSERT INTO booking (room_floor, room_code, guest, starts_at, ends_at)"
                        + " VALUES (2, 'B', 'ana', '2026-01-01', '2026-01-03')");
                st.execute("INSERT INTO room (code, floor) VALUES ('B', 2)");
                c.commit();
            }
            assertThat(s.query("SELECT guest_key || ' ' || guest_length FROM booking")).containsExactly("ANA 3");
            assertThatThrownBy(() -> s.execute("INSERT INTO booking (guest, starts_at, ends_at)"
                    + " VALUES ('bo', '2026-01-02', '2026-01-04')")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("booking_no_overlap");
            assertThatThrownBy(() -> s.execute("INSERT INTO booking (room_floor, guest, starts_at, ends_at)"
                    + " VALUES (1, NULL, '2026-02-01', '2026-02-02')")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("booking_room_floor_room_code_fkey");
            assertThatThrownBy(() -> s.execute("INSERT INTO booking (starts_at, ends_at) VALUES ('2026-03-02', '2026-03-01')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("booking_check");
            assertThatThrownBy(() -> s.execute("INSERT INTO room (id, code) VALUES (9, 'Z')")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("GENERATED ALWAYS");
        }
    }
}
