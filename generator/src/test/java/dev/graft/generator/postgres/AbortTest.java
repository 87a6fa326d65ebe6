package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.catalog.Migration;
import dev.graft.generator.Generator;
import dev.graft.generator.Scenario;
import dev.graft.generator.render.GoldenTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Abort on real PostgreSQL, per transition kind: expand, abort, abort again (nothing changes), expand
 * again (the expand's state exactly); abort leaves the schema and rows of before the expand, no
 * trigger, function or column of the version, and no history row of it. One golden file per kind.
 */
class AbortTest {

    /**
     * One transition to abort.
     *
     * @param name        the refactoring, also the golden file's name
     * @param create      version 1
     * @param refactoring version 2
     * @param seed        rows of version 1
     * @param table       the table the new shape is on after the expand
     * @param newColumns  columns the expand adds to it
     */
    record Case(String name, String create, String refactoring, String seed, String table, List<String> newColumns) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(of(TransitionCase.SPLIT, "location_code", "batch_number", "serial_number"));
        cases.add(of(TransitionCase.MERGE, "full_name"));
        cases.add(of(TransitionCase.RENAME, "mail"));
        cases.add(of(TransitionCase.CHANGE_TYPE, "graft_2_item_qty"));
        cases.add(of(TransitionCase.ADD_FROM, "cents"));
        cases.add(new Case("rename_table", Transitions.INVENTORY,
                "refactorings:\n  - rename_table: { from: inventory, to: stock_item }\n",
                "INSERT INTO inventory VALUES (1, 'AMS001B24001SN00000001'), (2, NULL)", "stock_item", List.of()));
        cases.add(new Case("drop_column", """
                refactorings:
                  - create_table:
                      table: note
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: legacy, type: text, nullable: false }
                      primary_key: id
                """, "refactorings:\n  - drop_column: { table: note, column: legacy }\n",
                "INSERT INTO note VALUES (1, 'x'), (2, 'y')", "note", List.of()));
        return cases.stream();
    }

    private static Case of(TransitionCase c, String... newColumns) {
        return new Case(c.name(), c.create(), c.refactoring(), c.seed().replace(":rows", "25"), c.table(),
                List.of(newColumns));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void abortUndoesTheExpandAndTheExpandRunsAgain(Case c) throws Exception {
        try (Scenario s = Scenario.of("abort_" + c.name(), c.create(), c.refactoring())) {
            s.migrate("1", "flyway_schema_history");
            s.execute(c.seed());
            List<String> schemaBefore = s.schema();
            List<String> dataBefore = s.data();
            s.migrate("2", "flyway_schema_history");
            List<String> schemaExpanded = s.schema();
            List<String> dataExpanded = s.data();
            assertThat(schemaExpanded).isNotEqualTo(schemaBefore);
            String script = Generator.forCatalog(s.catalog()).abortScript(v2(s), s.config());
            GoldenTest.assertGolden("abort/" + c.name() + ".abort.sql", script);

            s.run(abort(s));
            assertThat(s.schema()).as("schema after abort").isEqualTo(schemaBefore);
            assertThat(s.data()).as("rows after abort").isEqualTo(dataBefore);
            assertNothingOfVersion2(s, c);

            s.run(abort(s));
            assertThat(s.schema()).as("schema after a second abort").isEqualTo(schemaBefore);
            assertThat(s.data()).as("rows after a second abort").isEqualTo(dataBefore);

            s.migrate("2", "flyway_schema_history");
            assertThat(s.schema()).as("schema after expanding again").isEqualTo(schemaExpanded);
            assertThat(s.data()).as("rows after expanding again").isEqualTo(dataExpanded);
            assertThat(s.query("SELECT count(*) FROM flyway_schema_history WHERE version = '2' AND success"))
                    .containsExactly("1");
        }
    }

    @Test
    void droppedColumnGetsItsNotNullBackOnlyOnceEveryRowHasAValue() throws Exception {
        Case c = cases().filter(k -> k.name().equals("drop_column")).findFirst().orElseThrow();
        try (Scenario s = Scenario.of("abort_not_null", c.create(), c.refactoring())) {
            s.migrate("2", "flyway_schema_history");
            s.execute("INSERT INTO note (id) VALUES (3)");
            assertThatThrownBy(() -> s.run(abort(s))).hasMessageContaining("graft: cannot abort V2__step_2.yaml:"
                    + " rows of note written during the transition have no legacy");
            assertThat(s.query("SELECT count(*) FROM flyway_schema_history WHERE version = '2'")).containsExactly("1");
            s.execute("UPDATE note SET legacy = 'z' WHERE id = 3");
            s.run(abort(s));
            assertThat(s.query("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'note'::regclass"
                    + " AND attname = 'legacy'")).containsExactly("t");
        }
    }

    @Test
    void objectsOthersMadeForTheVersionGoByTheirComment() throws Exception {
        try (Scenario s = Scenario.of("abort_sweep", TransitionCase.SPLIT.create(), TransitionCase.SPLIT.refactoring())) {
            s.migrate("2", "flyway_schema_history");
            String comment = "'graft: generated from V2__step_2.yaml; removed by its contract'";
            s.execute("CREATE TABLE graft_2_inventory_backfill_progress (last_key bigint);"
                    + " COMMENT ON TABLE graft_2_inventory_backfill_progress IS " + comment + ";"
                    + " CREATE FUNCTION graft_2_helper(integer) RETURNS integer LANGUAGE sql AS 'SELECT 1';"
                    + " COMMENT ON FUNCTION graft_2_helper(integer) IS " + comment + ";"
                    + " CREATE TABLE keep_me (id int); COMMENT ON TABLE keep_me IS"
                    + " 'graft: generated from V2__step_20.yaml; removed by its contract'");
            s.run(abort(s));
            assertThat(s.query("SELECT relname FROM pg_class WHERE relname IN ('graft_2_inventory_backfill_progress',"
                    + " 'keep_me')")).containsExactly("keep_me");
            assertThat(s.query("SELECT count(*) FROM pg_proc WHERE proname = 'graft_2_helper'")).containsExactly("0");
        }
    }

    @Test
    void refusesWhatCannotBeAborted() {
        try (Scenario s = Scenario.of("abort_refused", Transitions.INVENTORY, TransitionCase.SPLIT.refactoring(),
                "refactorings:\n  - complete: \"2\"\n")) {
            Generator generator = Generator.forCatalog(s.catalog());
            List<Migration> m = s.catalog().migrations();
            assertThatThrownBy(() -> generator.abortScript(m.get(0), s.config()))
                    .hasMessage("V1__step_1.yaml opens no transition: abort undoes expanded transitions only");
            assertThatThrownBy(() -> generator.abortScript(m.get(2), s.config()))
                    .hasMessage("V3__step_3.yaml completes a transition: a contract cannot be aborted");
            assertThat(generator.abortScript(m.get(1), s.config())).contains("DROP COLUMN IF EXISTS \"location_code\"");
        }
    }

    private static void assertNothingOfVersion2(Scenario s, Case c) throws Exception {
        assertThat(s.query("SELECT tgname FROM pg_trigger WHERE tgname LIKE 'graft\\_2\\_%'")).isEmpty();
        assertThat(s.query("SELECT proname FROM pg_proc WHERE proname LIKE 'graft\\_2\\_%'")).isEmpty();
        for (String column : c.newColumns()) {
            assertThat(s.query("SELECT attname FROM pg_attribute WHERE attname = '" + column + "' AND NOT attisdropped"
                    + " AND attrelid = '" + c.table() + "'::regclass")).as("column " + column).isEmpty();
        }
        assertThat(s.query("SELECT count(*) FROM flyway_schema_history WHERE version = '2'")).containsExactly("0");
    }

    private static Migration v2(Scenario s) {
        return s.catalog().migrations().get(1);
    }

    private static List<String> abort(Scenario s) {
        return Generator.forCatalog(s.catalog()).abortStatements(v2(s), s.config());
    }
}
