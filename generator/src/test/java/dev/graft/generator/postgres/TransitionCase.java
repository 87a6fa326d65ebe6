package dev.graft.generator.postgres;

import dev.graft.generator.Scenario;
import dev.graft.generator.Snapshot;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.LongFunction;

/**
 * One trigger-based transition, as the shared-mechanism tests drive it: a table of {@code n}
 * rows in the old shape, writes through either shape, and the refactoring's mapping as a count of
 * rows that break it.
 *
 * @param name        the refactoring, also the scenario name
 * @param create      version 1: the table
 * @param refactoring version 2: the transition
 * @param table       the table
 * @param seed        an INSERT of rows 1..n in the old shape, {@code :rows} standing for n
 * @param oldWrite    a single-row write through the old shape of an existing row: id to SQL
 * @param newWrite    a single-row write through (part of) the new shape of an existing row
 * @param oldInsert   an insert through the old shape of a new row
 * @param newInsert   an insert through (part of) the new shape of a new row
 * @param broken      the rows where the new shape is not what the mapping makes of the old one, or
 *                    information is lost (a NULL where the row had a value)
 * @param row         the row's columns of both shapes as text: id to SQL
 */
record TransitionCase(String name, String create, String refactoring, String table, String seed,
        LongFunction<String> oldWrite, LongFunction<String> newWrite, LongFunction<String> oldInsert,
        LongFunction<String> newInsert, String broken, LongFunction<String> row) {

    static final String INVENTORY = Transitions.INVENTORY;

    static final TransitionCase SPLIT = new TransitionCase("split_column", INVENTORY, """
            refactorings:
              - split_column:
                  table: inventory
                  column: inventory_code
                  into:
                    - { name: location_code, type: varchar(6),  from: "substr(inventory_code, 1, 6)" }
                    - { name: batch_number,  type: varchar(6),  from: "substr(inventory_code, 7, 6)" }
                    - { name: serial_number, type: varchar(10), from: "substr(inventory_code, 13)" }
                  combine: "location_code || batch_number || serial_number"
            """, "inventory",
            "INSERT INTO inventory SELECT g, 'L' || lpad((g % 100000)::text, 5, '0') || 'B' || lpad((g % 77777)::text, 5, '0')"
                    + " || 'SN' || lpad(g::text, 8, '0') FROM generate_series(1, :rows) g",
            id -> "UPDATE inventory SET inventory_code = 'OLD001B00001SN' || lpad('" + id + "', 8, '0') WHERE id = " + id,
            id -> "UPDATE inventory SET location_code = 'NEW002' WHERE id = " + id,
            id -> "INSERT INTO inventory (id, inventory_code) VALUES (" + id + ", 'INS003B00003SN' || lpad('" + id
                    + "', 8, '0'))",
            id -> "INSERT INTO inventory (id, location_code, batch_number, serial_number) VALUES (" + id
                    + ", 'INS004', 'B00004', 'SN' || lpad('" + id + "', 8, '0'))",
            "inventory_code IS NULL OR ROW(location_code, batch_number, serial_number) IS DISTINCT FROM"
                    + " ROW(substr(inventory_code, 1, 6), substr(inventory_code, 7, 6), substr(inventory_code, 13))",
            id -> "SELECT concat_ws('|', inventory_code, location_code, batch_number, serial_number) FROM inventory"
                    + " WHERE id = " + id);

    static final TransitionCase MERGE = new TransitionCase("merge_columns", Transitions.PERSON, """
            refactorings:
              - merge_columns:
                  table: person
                  columns: [first_name, last_name]
                  into: { name: full_name, type: text, from: "first_name || ' ' || last_name" }
                  split:
                    first_name: "split_part(full_name, ' ', 1)"
                    last_name: "split_part(full_name, ' ', 2)"
            """, "person", "INSERT INTO person SELECT g, 'First' || g, 'Last' || g FROM generate_series(1, :rows) g",
            id -> "UPDATE person SET last_name = 'Old" + id + "' WHERE id = " + id,
            id -> "UPDATE person SET full_name = 'New" + id + " Name" + id + "' WHERE id = " + id,
            id -> "INSERT INTO person (id, first_name, last_name) VALUES (" + id + ", 'Ins', 'Old" + id + "')",
            id -> "INSERT INTO person (id, full_name) VALUES (" + id + ", 'Ins New" + id + "')",
            "first_name IS NULL OR last_name IS NULL OR full_name IS DISTINCT FROM first_name || ' ' || last_name",
            id -> "SELECT concat_ws('|', first_name, last_name, full_name) FROM person WHERE id = " + id);

    static final TransitionCase RENAME = new TransitionCase("rename_column", """
            refactorings:
              - create_table:
                  table: account
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: email, type: text }
                  primary_key: id
            """, """
            refactorings:
              - rename_column: { table: account, from: email, to: mail }
            """, "account", "INSERT INTO account SELECT g, 'user' || g || '@example.com' FROM generate_series(1, :rows) g",
            id -> "UPDATE account SET email = 'old" + id + "@example.com' WHERE id = " + id,
            id -> "UPDATE account SET mail = 'new" + id + "@example.com' WHERE id = " + id,
            id -> "INSERT INTO account (id, email) VALUES (" + id + ", 'ins" + id + "@example.com')",
            id -> "INSERT INTO account (id, mail) VALUES (" + id + ", 'insnew" + id + "@example.com')",
            "email IS NULL OR mail IS DISTINCT FROM email",
            id -> "SELECT concat_ws('|', email, mail) FROM account WHERE id = " + id);

    static final TransitionCase CHANGE_TYPE = new TransitionCase("change_column_type", """
            refactorings:
              - create_table:
                  table: item
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: qty, type: integer }
                  primary_key: id
            """, """
            refactorings:
              - change_column_type: { table: item, column: qty, type: bigint, up: "qty::bigint", down: "qty::integer" }
            """, "item", "INSERT INTO item SELECT g, g FROM generate_series(1, :rows) g",
            id -> "UPDATE item SET qty = " + (id + 1_000_000) + " WHERE id = " + id,
            id -> "UPDATE item SET graft_2_item_qty = " + (id + 2_000_000) + " WHERE id = " + id,
            id -> "INSERT INTO item (id, qty) VALUES (" + id + ", " + (id + 3_000_000) + ")",
            id -> "INSERT INTO item (id, graft_2_item_qty) VALUES (" + id + ", " + (id + 4_000_000) + ")",
            "qty IS NULL OR graft_2_item_qty IS DISTINCT FROM qty::bigint",
            id -> "SELECT concat_ws('|', qty, graft_2_item_qty) FROM item WHERE id = " + id);

    /** add_column with {@code from} only fills: old writers insert, new writers set the column. */
    static final TransitionCase ADD_FROM = new TransitionCase("add_column_from", """
            refactorings:
              - create_table:
                  table: price
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: amount, type: "numeric(12,2)" }
                  primary_key: id
            """, """
            refactorings:
              - add_column:
                  table: price
                  column: { name: cents, type: bigint }
                  from: "(amount * 100)::bigint"
            """, "price", "INSERT INTO price SELECT g, g / 100.0 FROM generate_series(1, :rows) g",
            id -> "UPDATE price SET amount = amount WHERE id = " + id,
            id -> "UPDATE price SET cents = " + (id + 5_000_000) + " WHERE id = " + id,
            id -> "INSERT INTO price (id, amount) VALUES (" + id + ", 2.50)",
            id -> "INSERT INTO price (id, cents) VALUES (" + id + ", 777)",
            "amount IS NOT NULL AND cents IS NULL OR cents NOT IN ((amount * 100)::bigint, id + 5000000, 777)",
            id -> "SELECT concat_ws('|', amount, cents) FROM price WHERE id = " + id);

    static final List<TransitionCase> ALL = List.of(SPLIT, MERGE, RENAME, CHANGE_TYPE, ADD_FROM);

    @Override
    public String toString() {
        return name;
    }

    /** A scenario at version 1 with {@code rows} rows. */
    Scenario scenario(String test, long rows) throws SQLException {
        Scenario s = Scenario.of(name + "_" + test, create, refactoring);
        s.migrate("1", "flyway_schema_history");
        s.execute(seed.replace(":rows", Long.toString(rows)));
        return s;
    }

    /** The number of rows that break the mapping. */
    long broken(Scenario s) throws SQLException {
        return Long.parseLong(s.query("SELECT count(*) FROM " + table + " WHERE " + broken).get(0));
    }

    String row(Scenario s, long id) throws SQLException {
        return s.query(row.apply(id)).get(0);
    }

    /**
     * The scans of the table by a run of {@code statements} in one transaction (rolled back), as
     * this transaction's statistics count them: sequential and index scans alike.
     */
    long scans(Scenario s, List<String> statements) throws SQLException {
        try (Connection c = s.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : statements) {
                st.execute(sql);
            }
            long scans = Long.parseLong(Snapshot.query(c, "SELECT pg_stat_get_xact_numscans('" + table + "'::regclass)").get(0));
            c.rollback();
            return scans;
        }
    }

    /** A fingerprint of every row version: it changes when any row is written, even to the same values. */
    String versions(Scenario s) throws SQLException {
        return s.query("SELECT md5(string_agg(ctid::text || ':' || xmin::text, ',' ORDER BY id)) FROM " + table).get(0);
    }
}
