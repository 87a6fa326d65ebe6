package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.generator.Scenario;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/** add_constraint on a table with rows: each kind, its options, violating rows, an interrupted run. */
class AddConstraintPlanTest {

    static final String TABLES = """
            refactorings:
              - create_table:
                  table: account
                  columns:
                    - { name: id, type: bigint, nullable: false }
                    - { name: region, type: text }
                    - { name: code, type: text }
                    - { name: balance, type: integer }
                    - { name: during, type: int4range }
                  primary_key: id
              - create_index: { table: account, columns: [region, code], unique: true }
              - create_table:
                  table: ledger
                  columns:
                    - { name: n, type: bigint }
                    - { name: region, type: text }
                    - { name: code, type: text }
            """;

    static final String ROWS = "INSERT INTO account VALUES (1, 'eu', 'a', 10, '[1,5)'), (2, 'eu', 'b', -3, '[5,9)'),"
            + " (3, 'us', 'a', -7, '[9,12)'); INSERT INTO ledger VALUES (1, 'eu', 'a'), (2, 'eu', 'zz'), (3, NULL, 'q')";

    private static Scenario scenario(String name, String yaml) throws Exception {
        Scenario s = Scenario.of(name, TABLES, "refactorings:\n  - add_constraint: " + yaml + "\n");
        s.migrate("1", "flyway_schema_history");
        s.execute(ROWS);
        return s;
    }

    private static String constraint(Scenario s, String name) throws Exception {
        return String.join("", s.query("SELECT contype::text || ' ' || condeferrable || ' ' || condeferred || ' '"
                + " || convalidated FROM pg_constraint WHERE conname = '" + name + "'"));
    }

    @Test
    void checkWithoutUpStopsNamingTheConstraintAndTheCount() throws Exception {
        try (Scenario s = scenario("ac_check_reject", "{ table: account, kind: check, check: \"balance >= 0\" }")) {
            assertThatThrownBy(() -> s.migrate("2", "flyway_schema_history")).isInstanceOf(FlywayException.class)
                    .hasMessageContaining("2 existing row(s) of table \"account\" violate constraint"
                            + " \"account_balance_check\"");
        }
    }

    @Test
    void checkWithUpFixesTheRowsThenValidates() throws Exception {
        try (Scenario s = scenario("ac_check_up", "{ table: account, kind: check, check: \"balance >= 0\","
                + " up: { balance: \"greatest(balance, 0)\" } }")) {
            s.applyTwice("1", "2");
            assertThat(constraint(s, "account_balance_check")).isEqualTo("c false false true");
            assertThat(s.query("SELECT id || ':' || balance FROM account ORDER BY id")).containsExactly("1:10", "2:0", "3:0");
        }
    }

    @Test
    void uniqueThroughAConcurrentIndexWithEveryOption() throws Exception {
        try (Scenario s = scenario("ac_unique", "{ table: account, kind: unique, columns: [region, code],"
                + " nulls_not_distinct: true, deferrable: true, include: [balance], storage_parameters: { fillfactor: 70 },"
                + " tablespace: pg_default }")) {
            s.applyTwice("1", "2");
            assertThat(constraint(s, "account_region_code_key")).isEqualTo("u true false true");
            assertThat(s.query("SELECT indnullsnotdistinct || ' ' || indnkeyatts || ' ' || array_to_string(reloptions, ',')"
                    + " FROM pg_index JOIN pg_class ON oid = indexrelid WHERE relname = 'account_region_code_key'"))
                    .containsExactly("true 2 fillfactor=70");
        }
    }

    @Test
    void uniqueOverDuplicatesStopsWithTheCount() throws Exception {
        try (Scenario s = scenario("ac_unique_dup", "{ table: account, kind: unique, columns: [region], name: one_per_region }")) {
            assertThatThrownBy(() -> s.migrate("2", "flyway_schema_history")).isInstanceOf(FlywayException.class)
                    .hasMessageContaining("2 existing row(s) of table \"account\" violate constraint \"one_per_region\"");
        }
    }

    @Test
    void primaryKeyMakesItsColumnsNotNullWithoutAScan() throws Exception {
        try (Scenario s = scenario("ac_pk", "{ table: ledger, kind: primary_key, columns: n, initially_deferred: true }")) {
            s.applyTwice("1", "2");
            assertThat(constraint(s, "ledger_pkey")).isEqualTo("p true true true");
            assertThat(s.query("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'ledger'::regclass AND attname = 'n'"))
                    .containsExactly("t");
            assertThat(s.query("SELECT conname FROM pg_constraint WHERE conrelid = 'ledger'::regclass AND contype = 'c'")).isEmpty();
        }
    }

    @Test
    void foreignKeyMatchFullWithOrphansNullified() throws Exception {
        try (Scenario s = scenario("ac_fk", "{ table: ledger, kind: foreign_key, columns: [region, code],"
                + " references: { table: account, columns: [region, code], on_delete: cascade }, match: full,"
                + " orphans: nullify, deferrable: true }")) {
            s.applyTwice("1", "2");
            assertThat(constraint(s, "ledger_region_code_fkey")).isEqualTo("f true false true");
            assertThat(s.query("SELECT confmatchtype::text || confdeltype::text FROM pg_constraint WHERE conname = 'ledger_region_code_fkey'"))
                    .containsExactly("fc");
            assertThat(s.query("SELECT n || ':' || coalesce(region, '-') || ':' || coalesce(code, '-') FROM ledger ORDER BY n"))
                    .containsExactly("1:eu:a", "2:-:-", "3:-:-");
        }
    }

    @Test
    void foreignKeyOrphansRejectedWithTheCount() throws Exception {
        try (Scenario s = scenario("ac_fk_reject", "{ table: ledger, kind: foreign_key, columns: [region, code],"
                + " references: { table: account, columns: [region, code] } }")) {
            assertThatThrownBy(() -> s.migrate("2", "flyway_schema_history")).isInstanceOf(FlywayException.class)
                    .hasMessageContaining("1 existing row(s) of table \"ledger\" violate constraint"
                            + " \"ledger_region_code_fkey\"");
        }
    }

    @Test
    void exclusionConstraintWithGist() throws Exception {
        try (Scenario s = scenario("ac_excl", "{ table: account, kind: exclude, using: gist,"
                + " elements: [ { column: during, operator: \"&&\" } ], where: \"balance > -100\" }")) {
            s.applyTwice("1", "2");
            assertThat(constraint(s, "account_during_excl")).isEqualTo("x false false true");
            assertThatThrownBy(() -> s.execute("INSERT INTO account VALUES (4, 'x', 'y', 0, '[2,3)')"))
                    .hasMessageContaining("account_during_excl");
        }
    }

    @Test
    void anInterruptedRunCompletesWhenRunAgain() throws Exception {
        for (String yaml : List.of("{ table: account, kind: unique, columns: [code, region] }",
                "{ table: account, kind: check, check: \"balance >= 0\", up: { balance: \"0\" } }",
                "{ table: ledger, kind: primary_key, columns: [n] }")) {
            List<String> statements;
            try (Scenario s = scenario("ac_prefix", yaml)) {
                statements = s.statements("2");
            }
            for (int k = 1; k < statements.size(); k++) {
                try (Scenario s = scenario("ac_prefix_" + k, yaml)) {
                    s.run(statements.subList(0, k));
                    s.migrate("2", "flyway_schema_history");
                    assertThat(s.query("SELECT count(*) FROM pg_constraint WHERE convalidated AND conname IN"
                            + " ('account_code_region_key', 'account_balance_check', 'ledger_pkey')")).containsExactly("1");
                }
            }
        }
    }
}
