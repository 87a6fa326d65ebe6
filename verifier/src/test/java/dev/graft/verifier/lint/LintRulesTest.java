package dev.graft.verifier.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.verifier.TestEngine;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import dev.graft.verifier.sql.MigrationStatement;
import dev.graft.verifier.sql.StatementSplitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule, by its examples in {@code rules.sql}, on a real PostgreSQL holding {@code schema.sql}:
 * the bad example finds exactly its rule, the good one nothing, and the rewrite of the bad one runs
 * twice after the statements before it, and no longer finds the rule.
 */
class LintRulesTest {

    private static LintSchema lintSchema;
    private static SchemaSnapshot schema;

    @BeforeAll
    static void readTheSchema() throws Exception {
        lintSchema = LintSchema.create("lint-rules");
        schema = lintSchema.snapshot();
    }

    @AfterAll
    static void drop() {
        lintSchema.close();
    }

    @Test
    void everyRuleHasABadAndAGoodExample() throws Exception {
        assertThat(RuleExamples.read()).extracting(RuleExamples::rule).containsExactlyInAnyOrder(LintRule.values());
        assertThat(RuleExamples.read()).allSatisfy(r -> assertThat(r.why()).isNotBlank());
    }

    @TestFactory
    Stream<DynamicTest> theBadExampleFindsExactlyItsRule() throws Exception {
        return RuleExamples.read().stream().map(r -> DynamicTest.dynamicTest(r.rule().code(), () -> {
            List<LintFinding> findings = Linter.lint("V1__bad.sql", r.bad().sql(), schema, r.bad().options(r.rule()));
            assertThat(findings).as(findings.toString()).extracting(LintFinding::rule).containsExactly(r.rule());
            assertThat(findings.get(0).suggestion().or(() -> findings.get(0).advice()))
                    .as("a rewrite or advice").isPresent()
                    .matches(s -> r.rule() == LintRule.UNPARSEABLE || s.isPresent());
        }));
    }

    @TestFactory
    Stream<DynamicTest> theGoodExampleFindsNothing() throws Exception {
        return RuleExamples.read().stream().map(r -> DynamicTest.dynamicTest(r.rule().code(), () -> assertThat(
                Linter.lint("V1__good.sql", r.good().sql(), schema, r.good().options(r.rule()))).isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> theRewriteRunsTwiceAndFindsTheRuleNoMore() throws Exception {
        return RuleExamples.read().stream().map(r -> DynamicTest.dynamicTest(r.rule().code(), () -> {
            LintFinding finding = Linter.lint("V1__bad.sql", r.bad().sql(), schema, r.bad().options(r.rule())).get(0);
            if (finding.suggestion().isEmpty()) {
                return;
            }
            String rewrite = finding.suggestion().get();
            try (Branch copy = TestEngine.get().create(BranchSpec.of("lint-" + r.rule().code().toLowerCase())
                    .parent(lintSchema.db().name()).build()); Connection c = copy.connect(); Statement s = c.createStatement()) {
                for (MigrationStatement before : StatementSplitter.split(r.bad().sql())) {
                    if (before.line() < finding.line()) {
                        s.execute(before.sql());
                    }
                }
                for (int run = 0; run < 2; run++) {
                    for (MigrationStatement statement : StatementSplitter.split(rewrite)) {
                        s.execute(statement.sql());
                    }
                }
            }
            assertThat(Linter.lint("V1__rewrite.sql", rewrite, schema, r.bad().options(r.rule())))
                    .extracting(LintFinding::rule).doesNotContain(r.rule());
        }));
    }

    @Test
    void rewritesOfTheKnownWrongCasesAreRight() {
        String unnamed = rewrite("ALTER TABLE t ADD PRIMARY KEY (id);", LintRule.KEY_WITHOUT_INDEX);
        assertThat(unnamed).startsWith("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_pkey ON t (id);")
                .contains("contype = 'p'").doesNotContain("conname = ''");
        assertThat(rewrite("ALTER TABLE t ADD CONSTRAINT t_a_b_key UNIQUE (a, b);", LintRule.KEY_WITHOUT_INDEX))
                .contains("ON t (a, b)").doesNotContain("(...)");
        assertThat(rewrite("CREATE INDEX ON t (a, b);", LintRule.INDEX_WITHOUT_CONCURRENTLY))
                .isEqualTo("CREATE INDEX CONCURRENTLY IF NOT EXISTS t_a_b_idx ON t (a, b)");
        assertThat(rewrite("ALTER TABLE t ADD COLUMN k uuid DEFAULT gen_random_uuid();", LintRule.VOLATILE_DEFAULT))
                .matches("(?s).*SET DEFAULT gen_random_uuid\\(\\);\nUPDATE .*");
        assertThat(Linter.lint("V1__x.sql", "INSERT INTO audit_log (event) VALUES ('moved');", LintOptions.defaults())
                .get(0).suggestion()).get().asString().doesNotContain("ON CONFLICT").contains("WHERE NOT EXISTS");
    }

    @Test
    void moreRewritesRunTwice() throws Exception {
        runsTwice("ALTER TABLE t ADD PRIMARY KEY (id);", LintRule.KEY_WITHOUT_INDEX, "ALTER TABLE t DROP CONSTRAINT t_pkey");
        runsTwice("ALTER TABLE t ADD CONSTRAINT t_a_b_key UNIQUE (a, b);", LintRule.KEY_WITHOUT_INDEX, null);
        runsTwice("ALTER TABLE t ADD COLUMN IF NOT EXISTS person_id int REFERENCES person (id) ON DELETE CASCADE;",
                LintRule.CONSTRAINT_WITHOUT_NOT_VALID, null);
        runsTwice("ALTER TABLE t ADD CHECK (a > 0);", LintRule.CONSTRAINT_WITHOUT_NOT_VALID, null);
        runsTwice("ALTER TABLE t ADD COLUMN IF NOT EXISTS handle text UNIQUE;", LintRule.KEY_WITHOUT_INDEX, null);
        runsTwice("ALTER TABLE t ADD COLUMN IF NOT EXISTS k uuid DEFAULT gen_random_uuid();", LintRule.VOLATILE_DEFAULT, null);
        runsTwice("ALTER TABLE t ADD COLUMN IF NOT EXISTS n int GENERATED ALWAYS AS IDENTITY;", LintRule.SERIAL_COLUMN_ADDED,
                null);
        runsTwice("INSERT INTO \"Tally\" (n) VALUES (1);", LintRule.INSERT_WITHOUT_GUARD, null);
        runsTwice("CREATE INDEX ON t (lower(note));", LintRule.INDEX_WITHOUT_CONCURRENTLY, null);
        runsTwice("CREATE DOMAIN email AS text;", LintRule.UNGUARDED_CREATE_TYPE, null);
        runsTwice("ALTER TABLE t RENAME CONSTRAINT t_pkey TO t_primary;", LintRule.UNGUARDED_RENAME, null);
    }

    /** The rule's rewrite of {@code sql} runs twice on a branch of the schema, after {@code setup} when given. */
    private static void runsTwice(String sql, LintRule rule, String setup) throws Exception {
        String rewrite = rewrite(sql, rule);
        try (Branch copy = TestEngine.get().create(BranchSpec.of("lint-more").parent(lintSchema.db().name()).build());
             Connection c = copy.connect(); Statement s = c.createStatement()) {
            if (setup != null) {
                s.execute(setup);
            }
            for (int run = 0; run < 2; run++) {
                for (MigrationStatement statement : StatementSplitter.split(rewrite)) {
                    s.execute(statement.sql());
                }
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError("the rewrite of " + sql + " fails: " + rewrite, e);
        }
    }

    private static String rewrite(String sql, LintRule rule) {
        return Linter.lint("V1__x.sql", sql, schema, LintOptions.defaults().without(LintRule.MISSING_TIMEOUTS)).stream()
                .filter(f -> f.rule() == rule).findFirst().orElseThrow(() -> new AssertionError(rule + " not found in "
                        + sql)).suggestion().orElseThrow();
    }

    @Test
    void theDocsPageIsTheExamples() throws Exception {
        Path docs = Path.of("../docs/lint-rules.md");
        String page = Files.readString(docs);
        String generated = RulePages.render(RuleExamples.read(), schema);
        if (Boolean.getBoolean("graft.lint.writeDocs")) {
            page = page.substring(0, page.indexOf(RulePages.MARKER)) + generated;
            Files.writeString(docs, page);
        }
        assertThat(page).contains(RulePages.MARKER);
        assertThat(page.substring(page.indexOf(RulePages.MARKER))).isEqualTo(generated);
    }
}
