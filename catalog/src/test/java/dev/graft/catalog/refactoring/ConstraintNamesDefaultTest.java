package dev.graft.catalog.refactoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.catalog.Catalog;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.TableView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** add_constraint without a name gets PostgreSQL's; the schema view sees what each of the four does. */
class ConstraintNamesDefaultTest {

    private static final String TABLE = """
            refactorings:
              - create_table:
                  table: booking
                  columns:
                    - { name: id, type: bigint }
                    - { name: room, type: integer }
                    - { name: starts, type: timestamp }
                    - { name: ends, type: timestamp }
                    - { name: guest, type: text }
            """;

    @Test
    void namesAsPostgresChoosesThem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__booking.yaml"), TABLE);
        Files.writeString(dir.resolve("V2__rules.yaml"), """
                refactorings:
                  - add_constraint: { table: booking, kind: check, check: "ends > starts" }
                  - add_constraint: { table: booking, kind: check, check: "room > 0 AND room < 1000" }
                  - add_constraint: { table: booking, kind: unique, columns: [room, starts] }
                  - add_constraint: { table: booking, kind: primary_key, columns: [id] }
                  - add_constraint: { table: booking, kind: foreign_key, columns: [id], references: { table: booking, columns: [id] } }
                  - add_constraint: { table: booking, kind: exclude, elements: [ { column: room, operator: "=" }, { expression: "tsrange(starts, ends)", operator: "&&" }, { expression: "lower(guest)", operator: "=" } ] }
                """);
        Catalog catalog = Catalog.read(dir);
        List<String> names = catalog.migrations().get(1).refactorings().stream()
                .map(r -> ((AddConstraint) r).constraintName()).toList();
        assertThat(names).containsExactly("booking_check", "booking_room_check", "booking_room_starts_key",
                "booking_pkey", "booking_id_fkey", "booking_room_tsrange_lower_excl");
        assertThat(AddConstraint.indexColumnName("tsrange(starts, ends)")).isEqualTo("tsrange");
        assertThat(AddConstraint.indexColumnName("pg_catalog.LOWER(guest)")).isEqualTo("lower");
        assertThat(AddConstraint.indexColumnName("lower(guest) || upper(guest)")).isEqualTo("expr");
        assertThat(AddConstraint.indexColumnName("CASE WHEN room > 0 THEN 1 END")).isEqualTo("case");
        assertThat(AddConstraint.indexColumnName("room + 1")).isEqualTo("expr");
        TableView t = catalog.schemaAfter(catalog.migrations().get(1)).table(TableName.of("booking")).orElseThrow();
        assertThat(t.primaryKey()).containsExactly("id");
        assertThat(t.column("id").orElseThrow().nullable()).isFalse();
        assertThat(t.constraintNames()).containsExactly("booking_pkey", "booking_room_starts_key", "booking_id_fkey",
                "booking_check", "booking_room_check");
    }

    @Test
    void laterRefactoringsSeeRenamesAndDrops(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__booking.yaml"), TABLE);
        Files.writeString(dir.resolve("V2__rules.yaml"), """
                refactorings:
                  - add_constraint: { table: booking, kind: unique, columns: [guest] }
                  - create_index: { table: booking, columns: [room] }
                  - rename_constraint: { table: booking, from: booking_guest_key, to: one_booking_per_guest }
                  - drop_index: { table: booking, columns: [room] }
                """);
        Catalog catalog = Catalog.read(dir);
        SchemaView after = catalog.schemaAfter(catalog.migrations().get(1));
        TableView t = after.table(TableName.of("booking")).orElseThrow();
        assertThat(t.constraintNames()).containsExactly("one_booking_per_guest");
        assertThat(t.indexes()).extracting(i -> i.name()).containsExactly("one_booking_per_guest");
    }
}
