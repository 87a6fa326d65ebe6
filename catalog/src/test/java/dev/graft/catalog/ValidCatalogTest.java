package dev.graft.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.catalog.refactoring.AddColumn;
import dev.graft.catalog.refactoring.AddForeignKey;
import dev.graft.catalog.refactoring.AddLookupTable;
import dev.graft.catalog.refactoring.ChangeColumnType;
import dev.graft.catalog.refactoring.Complete;
import dev.graft.catalog.refactoring.CreateIndex;
import dev.graft.catalog.refactoring.CreateTable;
import dev.graft.catalog.refactoring.DropColumn;
import dev.graft.catalog.refactoring.DropTable;
import dev.graft.catalog.refactoring.InsertData;
import dev.graft.catalog.refactoring.MakeColumnNotNull;
import dev.graft.catalog.refactoring.MergeColumns;
import dev.graft.catalog.refactoring.OnConflict;
import dev.graft.catalog.refactoring.Orphans;
import dev.graft.catalog.refactoring.ReferentialAction;
import dev.graft.catalog.refactoring.Refactoring;
import dev.graft.catalog.refactoring.RenameColumn;
import dev.graft.catalog.refactoring.RenameTable;
import dev.graft.catalog.refactoring.SplitColumn;
import dev.graft.catalog.refactoring.DerivedColumn;
import dev.graft.catalog.refactoring.Sql;
import dev.graft.catalog.refactoring.TableName;
import dev.graft.catalog.refactoring.UpdateData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every refactoring type read from examples of CATALOG-FORMAT.md, into the right record, at the right place. */
class ValidCatalogTest {

    static final Path ALL = resource("/valid/all");

    static Path resource(String name) {
        try {
            return Path.of(ValidCatalogTest.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private final Catalog catalog = Catalog.read(ALL);

    private Refactoring at(int migration, int index) {
        return catalog.migrations().get(migration).refactorings().get(index);
    }

    private static Location loc(String file, int line, int column) {
        return new Location(file, line, column);
    }

    @Test
    void readsMigrationsInFlywayOrderWithChecksums() {
        assertThat(catalog.migrations()).map(Migration::fileName).containsExactly("V1__create_tables.yaml",
                "V2__split_inventory_code.yaml", "V3__evolve.yaml", "V4__contract.yaml", "V5__finish.sql",
                "V6__complete_renames.yaml", "V30__column_properties.yaml", "V50__add_lookup_table.yaml");
        Migration first = catalog.migrations().get(0);
        assertThat(first.slug()).isEqualTo("create_tables");
        assertThat(first.description()).contains("Warehouses and their inventory");
        assertThat(first.checksum()).hasSize(64).matches("[0-9a-f]+");
        Migration sql = catalog.migrations().get(4);
        assertThat(sql.isSql()).isTrue();
        assertThat(sql.sql()).hasValueSatisfying(text -> assertThat(text).contains("ADD COLUMN region"));
    }

    @Test
    void createTable() {
        CreateTable t = (CreateTable) at(0, 1);
        assertThat(t.location()).isEqualTo(loc("V1__create_tables.yaml", 10, 5));
        assertThat(t.table()).isEqualTo(TableName.of("inventory"));
        assertThat(t.columns()).hasSize(8);
        var price = t.columns().get(2);
        assertThat(price.type()).isEqualTo("numeric(10,2)");
        assertThat(price.defaultValue()).hasValueSatisfying(d -> assertThat(d.sql()).isEqualTo("0.00"));
        assertThat(price.check()).hasValueSatisfying(c -> assertThat(c.location()).isEqualTo(
                loc("V1__create_tables.yaml", 15, 71)));
        var warehouse = t.columns().get(3).references().orElseThrow();
        assertThat(warehouse.columns()).containsExactly("id");
        assertThat(warehouse.onDelete()).isEqualTo(ReferentialAction.SET_NULL);
        assertThat(t.primaryKey().orElseThrow().columns()).containsExactly("id");
        assertThat(((CreateTable) at(0, 0)).columns().get(1).unique()).isTrue();
    }

    @Test
    void splitColumnTheInventoryExample() {
        SplitColumn s = (SplitColumn) at(1, 0);
        assertThat(s.location()).isEqualTo(loc("V2__split_inventory_code.yaml", 3, 5));
        assertThat(s.column()).isEqualTo("inventory_code");
        assertThat(s.into()).map(DerivedColumn::name).containsExactly("location_code", "batch_number", "serial_number");
        assertThat(s.into()).map(DerivedColumn::type).containsExactly("varchar(6)", "varchar(6)", "varchar(10)");
        assertThat(s.into().get(0).from().sql()).isEqualTo("substr(inventory_code, 1, 6)");
        assertThat(s.into().get(0).from().location()).isEqualTo(loc("V2__split_inventory_code.yaml", 7, 59));
        assertThat(s.combine().sql()).isEqualTo("location_code || batch_number || serial_number");
        assertThat(s.onConflict()).isEqualTo(OnConflict.REJECT);
        assertThat(s.backfill()).hasValueSatisfying(b -> assertThat(b.batchSize()).isEqualTo(5000));
        assertThat(s.isTransition()).isTrue();
    }

    @Test
    void addColumnWithFromIsATransition() {
        AddColumn a = (AddColumn) at(2, 0);
        assertThat(a.location()).isEqualTo(loc("V3__evolve.yaml", 2, 5));
        assertThat(a.column().name()).isEqualTo("sku");
        assertThat(a.from()).hasValueSatisfying(f -> assertThat(f.sql()).isEqualTo("'SKU-' || id"));
        assertThat(a.isTransition()).isTrue();
    }

    @Test
    void renameColumn() {
        RenameColumn r = (RenameColumn) at(2, 1);
        assertThat(r.location()).isEqualTo(loc("V3__evolve.yaml", 6, 5));
        assertThat(List.of(r.from(), r.to())).containsExactly("name", "display_name");
        assertThat(r.onConflict()).isEqualTo(OnConflict.PREFER_NEW);
    }

    @Test
    void changeColumnType() {
        ChangeColumnType c = (ChangeColumnType) at(2, 2);
        assertThat(c.location()).isEqualTo(loc("V3__evolve.yaml", 11, 5));
        assertThat(c.type()).isEqualTo("bigint");
        assertThat(c.up().sql()).isEqualTo("quantity::bigint");
        assertThat(c.down().location()).isEqualTo(loc("V3__evolve.yaml", 16, 13));
    }

    @Test
    void makeColumnNotNull() {
        MakeColumnNotNull m = (MakeColumnNotNull) at(2, 3);
        assertThat(m.location()).isEqualTo(loc("V3__evolve.yaml", 17, 5));
        assertThat(m.defaultForNulls()).hasValueSatisfying(d -> assertThat(d.sql()).isEqualTo("0"));
        assertThat(m.isTransition()).isFalse();
    }

    @Test
    void addForeignKeyTakesTopLevelActions() {
        AddForeignKey f = (AddForeignKey) at(2, 4);
        assertThat(f.location()).isEqualTo(loc("V3__evolve.yaml", 21, 5));
        assertThat(f.references().table()).isEqualTo(TableName.of("warehouse"));
        assertThat(f.references().onDelete()).isEqualTo(ReferentialAction.CASCADE);
        assertThat(f.orphans()).isEqualTo(Orphans.NULLIFY);
        assertThat(f.constraintName()).isEqualTo("inventory_warehouse_id_fkey");
    }

    @Test
    void createIndex() {
        CreateIndex i = (CreateIndex) at(2, 5);
        assertThat(i.location()).isEqualTo(loc("V3__evolve.yaml", 27, 5));
        assertThat(i.columns()).containsExactly("warehouse_id", "location_code");
        assertThat(i.indexName()).isEqualTo("inventory_warehouse_id_location_code_idx");
        CreateIndex e = (CreateIndex) at(5, 1);
        assertThat(e.expression()).hasValueSatisfying(x -> assertThat(x.sql()).isEqualTo("lower(note)"));
        assertThat(e.unique()).isTrue();
    }

    @Test
    void mergeColumns() {
        MergeColumns m = (MergeColumns) at(2, 6);
        assertThat(m.location()).isEqualTo(loc("V3__evolve.yaml", 31, 5));
        assertThat(m.into().name()).isEqualTo("full_name");
        assertThat(m.split()).containsOnlyKeys("first_name", "last_name");
        assertThat(m.onConflict()).isEqualTo(OnConflict.PREFER_OLD);
    }

    @Test
    void insertDataQuotesStringsOnce() {
        InsertData d = (InsertData) at(2, 7);
        assertThat(d.location()).isEqualTo(loc("V3__evolve.yaml", 39, 5));
        assertThat(d.key()).containsExactly("code");
        assertThat(d.rows().get(0).values().get("name").sql()).isEqualTo("'O''Brien & Co'");
        assertThat(d.rows().get(0).values().get("id").sql()).isEqualTo("1");
        assertThat(d.rows().get(1).values().get("name").sql()).isEqualTo("upper('lisbon')");
    }

    @Test
    void updateData() {
        UpdateData u = (UpdateData) at(2, 8);
        assertThat(u.location()).isEqualTo(loc("V3__evolve.yaml", 45, 5));
        assertThat(u.set().get("price").sql()).isEqualTo("price * 2");
        assertThat(u.where().sql()).isEqualTo("price < 1");
    }

    @Test
    void sqlIsFollowedBySchemaView() {
        Sql s = (Sql) at(2, 9);
        assertThat(s.location()).isEqualTo(loc("V3__evolve.yaml", 49, 5));
        assertThat(s.down()).isPresent();
        SchemaView after = catalog.schemaAfter(catalog.migrations().get(2));
        assertThat(after.table(TableName.of("audit_log")).orElseThrow().columnNames())
                .containsExactly("id", "note", "created_at");
        assertThat(catalog.warnings()).isEmpty();
    }

    @Test
    void completeRenameTableDropColumnDropTable() {
        assertThat(((Complete) at(3, 0)).version()).isEqualTo(Version.parse("2"));
        assertThat(((Complete) at(3, 1)).version()).isEqualTo(Version.parse("3"));
        RenameTable r = (RenameTable) at(3, 2);
        assertThat(r.to()).isEqualTo(TableName.of("audit_entry"));
        DropColumn d = (DropColumn) at(3, 3);
        assertThat(d.location()).isEqualTo(loc("V4__contract.yaml", 5, 5));
        assertThat(((DropTable) at(3, 5)).table()).isEqualTo(TableName.of("scratch"));
    }

    @Test
    void schemaViewFollowsExpandAndContract() {
        Migration split = catalog.migrations().get(1);
        TableView during = catalog.schemaAfter(split).table(TableName.of("inventory")).orElseThrow();
        assertThat(during.columnNames()).contains("inventory_code", "location_code", "batch_number", "serial_number");
        Migration contract = catalog.migrations().get(3);
        TableView after = catalog.schemaAfter(contract).table(TableName.of("inventory")).orElseThrow();
        assertThat(after.columnNames()).doesNotContain("inventory_code", "first_name", "last_name")
                .contains("full_name", "legacy_flag");
        assertThat(after.column("quantity").orElseThrow().type()).isEqualTo("bigint");
        TableView warehouse = catalog.schemaAfter(contract).table(TableName.of("warehouse")).orElseThrow();
        assertThat(warehouse.columnNames()).containsExactly("id", "code", "display_name");
        assertThat(catalog.schemaAfter(contract).view(TableName.of("audit_log"))).isPresent();
        assertThat(catalog.schemaBefore(catalog.migrations().get(4))).isEqualTo(catalog.schemaAfter(contract));
        SchemaView end = catalog.schemaAfter(catalog.migrations().get(5));
        assertThat(end.view(TableName.of("audit_log"))).isEmpty();
        assertThat(end.table(TableName.of("inventory")).orElseThrow().hasColumn("legacy_flag")).isFalse();
        assertThat(end.table(TableName.of("scratch"))).isEmpty();
        assertThat(end.table(TableName.of("warehouse")).orElseThrow().hasColumn("region")).isTrue();
    }

    @Test
    void noTransitionLeftOpen() {
        assertThat(catalog.openTransitions()).isEmpty();
    }

    @Test
    void sqlTheSchemaViewCannotFollowIsAWarningNotAnError() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("graft-warning");
        java.nio.file.Files.writeString(dir.resolve("V1__do.yaml"), "refactorings:\n  - sql:\n      up: |\n"
                + "        DO $$ BEGIN EXECUTE 'CREATE TABLE t (id int)'; END $$;\n");
        java.nio.file.Files.writeString(dir.resolve("V2__use.yaml"),
                "refactorings:\n  - drop_table: { table: t }\n");
        Catalog read = Catalog.read(dir);
        assertThat(read.warnings()).map(Problem::toString).containsExactly("V1__do.yaml:4:9: the catalog cannot"
                + " follow \"DO $$ BEGIN EXECUTE 'CREATE TABLE t (id ...\" (Graft's SQL reader does not understand this"
                + " statement): checks that depend on it are made against the database at verify time [GRAFT-C301]");
        assertThat(read.warnings()).allMatch(p -> p.severity() == Severity.WARNING);
    }

    @Test
    void aHandWrittenFileTakesAnyFlywayNameAndItsWarningsStandAtTheirStatement() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("graft-flyway-name");
        java.nio.file.Files.writeString(dir.resolve("V1__My-Case.sql"),
                "CREATE TABLE a (id int);\n\n  DO $$ BEGIN PERFORM 1; END $$;\n");
        Catalog read = Catalog.read(dir);
        assertThat(read.migrations()).extracting(Migration::fileName).containsExactly("V1__My-Case.sql");
        assertThat(read.warnings()).map(Problem::toString).containsExactly("V1__My-Case.sql:3:3: the catalog cannot"
                + " follow \"DO $$ BEGIN PERFORM 1; END $$\" (Graft's SQL reader does not understand this statement):"
                + " checks that depend on it are made against the database at verify time [GRAFT-C301]");
    }

    @Test
    void writerOutputReadsBackTheSame() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("graft-written");
        for (Migration m : catalog.migrations()) {
            if (m.isSql()) {
                java.nio.file.Files.writeString(dir.resolve(m.fileName()), m.sql().orElseThrow());
            } else {
                CatalogWriter.write(m, dir.resolve(m.fileName()));
            }
        }
        Catalog reread = Catalog.read(dir);
        for (int i = 0; i < catalog.migrations().size(); i++) {
            assertThat(reread.migrations().get(i).refactorings()).usingRecursiveComparison()
                    .ignoringFieldsOfTypes(Location.class).isEqualTo(catalog.migrations().get(i).refactorings());
        }
        assertThat(CatalogWriter.toYaml(catalog.migrations().get(1))).isEqualTo("""
                description: "Split inventory_code into location, batch and serial"
                refactorings:
                  - split_column:
                      table: "inventory"
                      column: "inventory_code"
                      into:
                        - name: "location_code"
                          type: "varchar(6)"
                          from: "substr(inventory_code, 1, 6)"
                        - name: "batch_number"
                          type: "varchar(6)"
                          from: "substr(inventory_code, 7, 6)"
                        - name: "serial_number"
                          type: "varchar(10)"
                          from: "substr(inventory_code, 13)"
                      combine: "location_code || batch_number || serial_number"
                      backfill:
                        batch_size: 5000
                """);
    }

    @Test
    void addLookupTable() {
        AddLookupTable l = (AddLookupTable) at(7, 1);
        assertThat(l.location()).isEqualTo(loc("V50__add_lookup_table.yaml", 8, 5));
        assertThat(l.lookup()).isEqualTo(TableName.of("keys_shipment_status"));
        assertThat(l.value()).isEqualTo("code");
        assertThat(l.key()).isEqualTo("id");
        assertThat(l.surrogateKey()).isTrue();
        assertThat(l.replace()).isFalse();
        assertThat(l.constraintName()).isEqualTo("keys_shipment_status_fkey");
    }
}
