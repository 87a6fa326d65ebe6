package dev.graft.catalog.refactoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.catalog.Catalog;
import dev.graft.catalog.CatalogWriter;
import dev.graft.catalog.Location;
import dev.graft.catalog.Migration;
import dev.graft.catalog.TableView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** create_table's table constraints and add_column's up, read into their records, into the schema view, and written back. */
class TablesAndColumnsReadTest {

    private static final String TABLES = """
            refactorings:
              - create_table:
                  table: room
                  columns:
                    - { name: id, type: bigint, identity: by default }
                    - { name: code, type: text, nullable: false, collate: "C", unique: { nulls_not_distinct: true } }
                    - { name: floor, type: integer }
                  primary_key: id
                  constraints:
                    - { unique: [floor, code], deferrable: true }
              - create_table:
                  table: booking
                  columns:
                    - { name: id, type: bigint, identity: always }
                    - { name: room_floor, type: integer }
                    - { name: room_code, type: text }
                    - { name: code_key, type: text, generated: "upper(room_code)" }
                    - { name: code_length, type: integer, generated: { expression: "length(room_code)", stored: false } }
                    - { name: starts_at, type: timestamptz, nullable: false }
                    - { name: ends_at, type: timestamptz, nullable: false }
                  primary_key: id
                  constraints:
                    - { check: "starts_at < ends_at" }
                    - { check: "starts_at > '2000-01-01'" }
                    - foreign_key: [room_floor, room_code]
                      references: { table: room, columns: [floor, code], on_delete: cascade, match: full, initially_deferred: true }
                    - exclude: { elements: [{ column: room_code, operator: "=" }, { expression: "tstzrange(starts_at, ends_at)", operator: "&&" }] }
                      name: booking_overlap
              - add_column:
                  table: booking
                  column: { name: guest, type: text, nullable: false, unique: true, check: "guest <> ''" }
                  up: "'guest ' || id"
            """;

    @Test
    void readsEveryFormIntoItsRecord() throws IOException {
        Catalog catalog = Catalog.read(write(TABLES));
        List<Refactoring> r = catalog.migrations().get(0).refactorings();
        CreateTable room = (CreateTable) r.get(0);
        CreateTable booking = (CreateTable) r.get(1);
        AddColumn guest = (AddColumn) r.get(2);

        assertThat(room.columns().get(0).identity()).contains(ColumnIdentity.BY_DEFAULT);
        assertThat(room.columns().get(1).collate()).contains("C");
        assertThat(room.columns().get(1).nullsNotDistinct()).isTrue();
        assertThat(room.constraints()).singleElement().isInstanceOfSatisfying(TableConstraint.Unique.class, u -> {
            assertThat(u.columns()).containsExactly("floor", "code");
            assertThat(u.deferral()).isEqualTo(Deferral.DEFERRABLE);
            assertThat(u.nameOn("room")).isEqualTo("room_floor_code_key");
        });
        assertThat(booking.columns().get(3).generated()).map(GeneratedExpression::stored).contains(true);
        assertThat(booking.columns().get(4).generated()).map(GeneratedExpression::sql)
                .contains("GENERATED ALWAYS AS (length(room_code)) VIRTUAL");
        assertThat(booking.constraints()).map(k -> k.nameOn("booking")).containsExactly("booking_check",
                "booking_starts_at_check", "booking_room_floor_room_code_fkey", "booking_overlap");
        TableConstraint.ForeignKey fk = (TableConstraint.ForeignKey) booking.constraints().get(2);
        assertThat(fk.references().match()).isEqualTo(MatchType.FULL);
        assertThat(fk.references().deferral()).isEqualTo(Deferral.INITIALLY_DEFERRED);
        TableConstraint.Exclude exclude = (TableConstraint.Exclude) booking.constraints().get(3);
        assertThat(exclude.using()).isEqualTo("gist");
        assertThat(exclude.elements()).map(TableConstraint.ExclusionElement::operator).containsExactly("=", "&&");
        assertThat(guest.from()).map(Expression::sql).contains("'guest ' || id");
        assertThat(guest.isTransition()).isTrue();
    }

    @Test
    void theSchemaViewHoldsTheKeysChecksAndForeignKeys() throws IOException {
        Catalog catalog = Catalog.read(write(TABLES));
        TableView booking = catalog.schemaAfter(catalog.migrations().get(0)).table(TableName.of("booking")).orElseThrow();

        assertThat(booking.column("id")).map(c -> c.nullable()).contains(false);
        assertThat(booking.checks()).map(c -> c.name()).containsExactly("booking_check", "booking_starts_at_check",
                "booking_guest_check");
        assertThat(booking.foreignKeys()).singleElement().satisfies(k -> assertThat(k.columns())
                .containsExactly("room_floor", "room_code"));
        assertThat(booking.uniqueKeys()).map(k -> k.name()).containsExactly("booking_guest_key");
    }

    @Test
    void writingAndReadingAgainGivesTheSameRefactorings() throws IOException {
        Migration first = Catalog.read(write(TABLES)).migrations().get(0);
        String yaml = CatalogWriter.toYaml(first);
        Migration again = Catalog.read(write(yaml)).migrations().get(0);

        assertThat(yaml).contains("up: \"'guest ' || id\"").doesNotContain("from:");
        assertThat(again.refactorings()).usingRecursiveComparison().ignoringFieldsOfTypes(Location.class)
                .isEqualTo(first.refactorings());
    }

    @Test
    void fromIsStillReadAsUp() throws IOException {
        Catalog catalog = Catalog.read(write(TABLES.replace("up: \"'guest ' || id\"", "from: \"'guest ' || id\"")));
        AddColumn guest = (AddColumn) catalog.migrations().get(0).refactorings().get(2);

        assertThat(guest.from()).map(Expression::sql).contains("'guest ' || id");
        assertThat(Optional.of(guest.isTransition())).contains(true);
    }

    /** The examples of docs/catalog-format.md's "Tables and columns in full" are valid catalogs. */
    @Test
    void theFormatDocumentsExamplesRead() throws IOException {
        String doc = Files.readString(Path.of("../docs/catalog-format.md"));
        int start = doc.indexOf("## Tables and columns in full");
        String section = doc.substring(start, doc.indexOf("\n## ", start));
        List<String> examples = java.util.regex.Pattern.compile("```yaml\n(.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(section).results().map(m -> m.group(1)).toList();
        Path dir = write("""
                refactorings:
                  - create_table:
                      table: customer
                      columns: [{ name: id, type: bigint, nullable: false }, { name: email, type: text }]
                      primary_key: id
                  - create_table:
                      table: orders
                      columns: [{ name: id, type: bigint, nullable: false }]
                      primary_key: id
                  - create_table:
                      table: warehouse
                      columns: [{ name: id, type: bigint, nullable: false }]
                      primary_key: id
                """);
        for (int i = 0; i < examples.size(); i++) {
            Files.writeString(dir.resolve("V" + (i + 2) + "__example.yaml"), examples.get(i));
        }

        assertThat(examples).hasSize(2);
        assertThat(Catalog.read(dir).migrations()).hasSize(3);
    }

    private static Path write(String yaml) throws IOException {
        Path dir = Files.createTempDirectory("graft-tables");
        Files.writeString(dir.resolve("V1__tables.yaml"), yaml);
        return dir;
    }
}
