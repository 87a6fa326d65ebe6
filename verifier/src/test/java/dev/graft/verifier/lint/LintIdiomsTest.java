package dev.graft.verifier.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Safe idioms lint must understand without a finding, and how findings are located, switched off and ignored. */
class LintIdiomsTest {

    private static final LintOptions QUIET = LintOptions.defaults().without(LintRule.MISSING_TIMEOUTS);

    private static List<String> codes(String sql, LintOptions options) {
        return Linter.lint("V2__My-Case.sql", sql, options).stream().map(LintFinding::code).toList();
    }

    @Test
    void statementsThatAreUnderstoodAndSafe() {
        assertThat(codes("ALTER DOMAIN positive_int SET DEFAULT 1;", QUIET)).isEmpty();
        assertThat(codes("ALTER DOMAIN positive_int VALIDATE CONSTRAINT positive_int_check;", QUIET)).isEmpty();
        assertThat(codes("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'happy';", QUIET)).isEmpty();
        assertThat(codes("CREATE MATERIALIZED VIEW IF NOT EXISTS mv AS SELECT 1 AS one;", QUIET)).isEmpty();
        assertThat(codes("ALTER TABLE t DROP CONSTRAINT IF EXISTS c, ADD CONSTRAINT c CHECK (a > 0) NOT VALID;", QUIET))
                .isEmpty();
        assertThat(codes("REINDEX INDEX CONCURRENTLY t_note_idx;", QUIET.inTransaction(false))).isEmpty();
        assertThat(codes("CREATE TEMP TABLE scratch AS SELECT 1;", QUIET)).as("gone with the session").isEmpty();
        assertThat(codes("COPY t FROM stdin;\n1\n\\.\n", QUIET)).as("data, not SQL").isEmpty();
        assertThat(Linter.lint("V1.sql", "CREATE TABLE IF NOT EXISTS n (a int);\nCREATE INDEX ON n (a);", QUIET).get(0)
                .message()).isEqualTo("create an unnamed index on \"n\" without if not exists (which needs a name)");
    }

    @Test
    void nestedVolatileCallsAreVolatileButConstantsInStringsAreNot() {
        assertThat(codes("ALTER TABLE t ADD COLUMN IF NOT EXISTS s text DEFAULT md5(random()::text);", QUIET))
                .containsExactly("GRAFT-L205");
        assertThat(codes("ALTER TABLE t ADD COLUMN IF NOT EXISTS s text DEFAULT 'random()';", QUIET)).isEmpty();
    }

    @Test
    void findingsAreLocatedAtTheirStatement() {
        LintFinding f = Linter.lint("V2__My-Case.sql", "-- a comment\n\n  CREATE INDEX ON t (a);\n", QUIET).get(0);
        assertThat(f.line()).isEqualTo(3);
        assertThat(f.column()).isEqualTo(3);
        assertThat(f.describe()).startsWith("V2__My-Case.sql:3:3: error GRAFT-L201 ")
                .contains("(docs/lint-rules.md#graft-l201)").contains("\n    rewrite: CREATE INDEX CONCURRENTLY");
    }

    @Test
    void oneFindingPerHazard() {
        assertThat(codes("CREATE INDEX t_a_idx ON t (a);", QUIET)).containsExactly("GRAFT-L201");
        assertThat(codes("DROP INDEX t_a_idx;", QUIET)).containsExactly("GRAFT-L212");
        assertThat(codes("ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE (a);", QUIET)).containsExactly("GRAFT-L206");
    }

    @Test
    void aCommentSwitchesRulesOffForTheNextStatementOnly() {
        String sql = "-- graft:lint-ignore L201\nCREATE INDEX t_a_idx ON t (a);\nCREATE INDEX t_b_idx ON t (b);\n";
        // the lock hazard is ignored; that the first index has no IF NOT EXISTS is a hazard of its own
        assertThat(codes(sql, QUIET)).containsExactly("GRAFT-L101", "GRAFT-L201");
        assertThat(Linter.lint("V1.sql", sql, QUIET).get(1).line()).isEqualTo(3);
        assertThat(codes("-- graft:lint-ignore\nCREATE INDEX t_a_idx ON t (a);\n", QUIET)).isEmpty();
        assertThat(codes("-- graft:lint-ignore-file GRAFT-L201 L101\nSELECT 1;\nCREATE INDEX i ON t (a);\n", QUIET)).isEmpty();
    }

    @Test
    void optionsSwitchRulesOffAndStyleRulesOn() {
        String sql = "CREATE TABLE IF NOT EXISTS w (id int PRIMARY KEY, at timestamp);";
        assertThat(codes(sql, QUIET)).isEmpty();
        assertThat(codes(sql, QUIET.with(LintOptions.rules("L511, GRAFT-L515").toArray(LintRule[]::new))))
                .containsExactly("GRAFT-L511", "GRAFT-L515");
        assertThat(codes("ALTER TABLE t ADD COLUMN a int;", LintOptions.defaults())).containsExactly("GRAFT-L215",
                "GRAFT-L103");
        assertThatIllegalArgumentException().isThrownBy(() -> LintOptions.rules("L999"))
                .withMessageContaining("\"L999\"");
    }

    @Test
    void timeoutsSetBeforeTheLockSilenceTheRule() {
        assertThat(codes("SET lock_timeout = '5s';\nSET statement_timeout = 0;\nALTER TABLE t ADD COLUMN IF NOT EXISTS a int;",
                LintOptions.defaults())).isEmpty();
        assertThat(codes("SET lock_timeout = '5s';\nALTER TABLE t ADD COLUMN IF NOT EXISTS a int;", LintOptions.defaults()))
                .containsExactly("GRAFT-L215");
        assertThat(codes("CREATE TABLE IF NOT EXISTS n (id bigint);\nALTER TABLE n ADD COLUMN IF NOT EXISTS a int;",
                LintOptions.defaults())).as("a table the file creates").isEmpty();
    }

    @Test
    void everyCutOfTheExamplesIsLintedWithoutACrash() throws Exception {
        for (String name : List.of("rules.sql", "corpus.sql")) {
            String text = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/lint", name));
            for (int end = 0; end < text.length(); end += 11) {
                String cut = text.substring(0, end);
                assertThat(Linter.lint("V1__cut.sql", cut, LintOptions.defaults())).as(cut).allSatisfy(f ->
                        assertThat(f.line()).isPositive());
            }
        }
    }
}
