package dev.graft.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.Seed;
import dev.graft.branch.embedded.EmbeddedConfig;
import dev.graft.branch.embedded.EmbeddedEngine;
import dev.graft.catalog.refactoring.ReferentialAction;
import dev.graft.catalog.refactoring.TableName;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SchemaView.read against a real PostgreSQL 18 from the embedded engine: one server, a branch per test. */
class SchemaViewDatabaseTest {

    private static final String SCHEMA = """
            CREATE SCHEMA sales;
            CREATE TABLE warehouse (id bigint PRIMARY KEY, code varchar(3) NOT NULL UNIQUE);
            CREATE TABLE sales.inventory (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              inventory_code varchar(28) NOT NULL,
              price numeric(10,2) DEFAULT 0.00 CHECK (price >= 0),
              warehouse_id bigint REFERENCES warehouse (id) ON DELETE SET NULL
            );
            CREATE INDEX inventory_code_idx ON sales.inventory (inventory_code) WHERE price > 0;
            CREATE TABLE log (line text NOT NULL);
            CREATE UNIQUE INDEX log_line_key ON log (line);
            CREATE VIEW stock AS SELECT id, inventory_code FROM sales.inventory;
            """;

    private static EmbeddedEngine engine;

    @BeforeAll
    static void start() {
        engine = EmbeddedEngine.start(EmbeddedConfig.builder()
                .dataDirectory(Path.of(System.getProperty("graft.build.dir", "target-catalog"), "graft", "postgres"))
                .build());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void readsTablesKeysIndexesAndViews() throws Exception {
        SchemaView schema;
        try (Branch branch = engine.create(BranchSpec.root("catalog_schema_view").seed(Seed.sql(SCHEMA)).build());
                Connection connection = branch.connect()) {
            schema = SchemaView.read(connection);
        }
        TableView inventory = schema.table(new TableName("sales", "inventory")).orElseThrow();
        assertThat(inventory.columnNames()).containsExactly("id", "inventory_code", "price", "warehouse_id");
        assertThat(inventory.column("inventory_code").orElseThrow().type()).isEqualTo("character varying(28)");
        assertThat(inventory.column("inventory_code").orElseThrow().nullable()).isFalse();
        assertThat(inventory.column("price").orElseThrow().defaultValue()).contains("0.00");
        assertThat(inventory.primaryKey()).containsExactly("id");
        assertThat(inventory.checks()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("inventory_price_check"));
        assertThat(inventory.foreignKeys()).singleElement().satisfies(f -> {
            assertThat(f.referencedTable()).isEqualTo(TableName.of("warehouse"));
            assertThat(f.referencedColumns()).containsExactly("id");
            assertThat(f.onDelete()).isEqualTo(ReferentialAction.SET_NULL);
        });
        assertThat(inventory.indexes()).anySatisfy(i -> {
            assertThat(i.name()).isEqualTo("inventory_code_idx");
            assertThat(i.where()).contains("(price > (0)::numeric)");
        });
        TableView warehouse = schema.table(TableName.of("warehouse")).orElseThrow();
        assertThat(warehouse.uniqueKeys()).singleElement().satisfies(k -> assertThat(k.columns()).containsExactly("code"));
        TableView log = schema.table(TableName.of("log")).orElseThrow();
        assertThat(log.rowKey()).contains(java.util.List.of("line"));
        assertThat(schema.view(TableName.of("stock")).orElseThrow().columns()).containsExactly("id", "inventory_code");
        assertThat(schema.tables()).noneMatch(t -> t.name().schema().startsWith("pg_"));
    }

    @Test
    void aCatalogValidatesAgainstTheDatabaseAsBaseline() throws Exception {
        SchemaView baseline;
        try (Branch branch = engine.create(BranchSpec.root("catalog_baseline").seed(Seed.sql(SCHEMA)).build());
                Connection connection = branch.connect()) {
            baseline = SchemaView.read(connection);
        }
        Path dir = java.nio.file.Files.createTempDirectory("graft-baseline");
        java.nio.file.Files.writeString(dir.resolve("V1__rename.yaml"),
                "refactorings:\n  - rename_column: { table: sales.inventory, from: price, to: unit_price }\n");
        Catalog catalog = Catalog.read(dir, baseline);
        assertThat(catalog.openTransitions()).singleElement()
                .satisfies(t -> assertThat(t.version()).isEqualTo(Version.parse("1")));
    }
}
