package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.generator.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** drop_constraint: by name, and by shape found in pg_catalog; twice is once. */
class DropConstraintPlanTest {

    static final String TABLES = """
            refactorings:
              - create_table:
                  table: parent
                  columns: [ { name: id, type: bigint, nullable: false }, { name: code, type: text, unique: true } ]
                  primary_key: id
              - create_table:
                  table: child
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: parent_id, type: bigint, references: { table: parent } }
                    - { name: qty, type: integer, check: "qty > 0" }
                  primary_key: id
            """;

    private static List<String> constraints(Scenario s) throws Exception {
        return s.query("SELECT conrelid::regclass || ':' || conname FROM pg_constraint WHERE conrelid IN"
                + " ('parent'::regclass, 'child'::regclass) AND contype <> 'n' ORDER BY 1");
    }

    @Test
    void byNameAndByShape() throws Exception {
        try (Scenario s = Scenario.of("drop_constraint", TABLES, """
                refactorings:
                  - drop_constraint: { table: child, name: child_qty_check }
                  - drop_constraint: { table: child, kind: foreign_key, columns: [parent_id] }
                  - drop_constraint: { table: parent, kind: unique, columns: [code] }
                  - drop_constraint: { table: child, kind: primary_key }
                """)) {
            s.migrate("1", "flyway_schema_history");
            assertThat(constraints(s)).containsExactly("child:child_parent_id_fkey", "child:child_pkey",
                    "child:child_qty_check", "parent:parent_code_key", "parent:parent_pkey");
            s.applyTwice("1", "2");
            assertThat(constraints(s)).containsExactly("parent:parent_pkey");
            assertThat(s.query("SELECT count(*) FROM pg_class WHERE relname = 'parent_code_key'")).containsExactly("0");
        }
    }

    @Test
    void anInterruptedRunCompletesWhenRunAgain() throws Exception {
        String drop = "refactorings:\n  - drop_constraint: { table: child, name: child_qty_check }\n"
                + "  - drop_constraint: { table: parent, kind: unique, columns: [code] }\n";
        try (Scenario s = Scenario.of("drop_constraint_prefix", TABLES, drop)) {
            s.migrate("1", "flyway_schema_history");
            List<String> statements = s.statements("2");
            s.run(statements.subList(0, 2));
            s.migrate("2", "flyway_schema_history");
            assertThat(constraints(s)).containsExactly("child:child_parent_id_fkey", "child:child_pkey",
                    "parent:parent_pkey");
        }
    }
}
