package dev.graft.benchmarks.online;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two catalogs the backfill comparison runs, written as a user writes them: the same
 * {@code create_table} of {@code inventory} as V1, then the inventory example's {@code split_column}
 * or a {@code change_column_type} as V2. V1 is identical in both, so one parent database serves both.
 */
final class BenchCatalogs {

    /** The table: 22-character codes (location, batch, serial) and an integer quantity. */
    static final String CREATE = """
            description: Inventory items identified by a 22-character code
            refactorings:
              - create_table:
                  table: inventory
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: inventory_code, type: varchar(22) }
                    - { name: qty, type: integer }
                  primary_key: id
            """;

    /** The inventory example's own split ({@code examples/inventory/src/main/graft/V2__split_inventory_code.yaml}). */
    static String split(OnlineSettings settings) throws IOException {
        return Files.readString(settings.examples().resolve("inventory/src/main/graft/V2__split_inventory_code.yaml"));
    }

    static final String CHANGE_TYPE = """
            description: Quantities outgrow integer
            refactorings:
              - change_column_type:
                  table: inventory
                  column: qty
                  type: bigint
                  up: "qty::bigint"
                  down: "qty::integer"
            """;

    /** The table as production holds it before V2, the same shape as V1 creates. */
    static String plainTable() {
        return "CREATE TABLE inventory (id bigint NOT NULL, inventory_code varchar(22), qty integer,"
                + " CONSTRAINT inventory_pkey PRIMARY KEY (id))";
    }

    /** Fills {@code inventory} with {@code rows} rows in one statement. */
    static String fill(long rows) {
        return "INSERT INTO inventory (id, inventory_code, qty) SELECT g, "
                + "(ARRAY['AMS001', 'LIS002', 'BCN003', 'RTM010', 'HAM011'])[1 + g % 5] || 'B' || to_char(24 + g % 3, 'FM00')"
                + " || to_char(g % 1000, 'FM000') || 'SN' || to_char(g, 'FM00000000'), (g % 1000)::integer"
                + " FROM generate_series(1, " + rows + ") AS g";
    }

    /** The naive split: the three columns added, then one UPDATE of the whole table. */
    static final String[] NAIVE_SPLIT = {
        "ALTER TABLE inventory ADD COLUMN location_code varchar(6), ADD COLUMN batch_number varchar(6),"
                + " ADD COLUMN serial_number varchar(10)",
        "UPDATE inventory SET location_code = substr(inventory_code, 1, 6), batch_number = substr(inventory_code, 7, 6),"
                + " serial_number = substr(inventory_code, 13)"
    };

    /** The naive type change: PostgreSQL rewrites the table under an ACCESS EXCLUSIVE lock. */
    static final String[] NAIVE_CHANGE_TYPE = {"ALTER TABLE inventory ALTER COLUMN qty TYPE bigint"};

    private BenchCatalogs() {
    }

    /** Writes V1 and {@code v2} as a catalog folder under {@code folder}. */
    static Path write(Path folder, String v2Slug, String v2) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("V1__create_inventory.yaml"), CREATE);
        Files.writeString(folder.resolve("V2__" + v2Slug + ".yaml"), v2);
        return folder;
    }
}
