package dev.graft.verifier.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.verifier.TestEngine;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@code src/test/resources/lint/corpus.sql} finds exactly the codes it expects: once
 * without a schema, and once against the schema of {@code schema.sql}, read from a real database.
 */
class LintCorpusTest {

    private static final Path RESOURCES = Path.of("src/test/resources/lint");

    private record Case(String name, List<String> expected, List<String> withSchema, String sql) { }

    /** Timeouts are GRAFT-L215's, proven in LintRulesTest; here they would be on every case. */
    private static final LintOptions NO_TIMEOUTS = LintOptions.defaults().without(LintRule.MISSING_TIMEOUTS);

    private static LintSchema lintSchema;
    private static SchemaSnapshot schema;

    @BeforeAll
    static void readTheSchema() throws Exception {
        lintSchema = LintSchema.create("lint-schema");
        schema = lintSchema.snapshot();
    }

    @AfterAll
    static void drop() {
        lintSchema.close();
    }

    private static List<Case> corpus() throws Exception {
        List<Case> cases = new ArrayList<>();
        String name = null;
        List<String> expected = List.of();
        List<String> withSchema = null;
        StringBuilder sql = new StringBuilder();
        for (String line : Files.readAllLines(RESOURCES.resolve("corpus.sql"), StandardCharsets.UTF_8)) {
            if (line.startsWith("-- case: ")) {
                if (name != null) {
                    cases.add(new Case(name, expected, withSchema == null ? expected : withSchema, sql.toString()));
                }
                name = line.substring("-- case: ".length());
                withSchema = null;
                sql.setLength(0);
            } else if (line.startsWith("-- expect: ")) {
                expected = codes(line.substring("-- expect: ".length()));
            } else if (line.startsWith("-- with schema: ")) {
                withSchema = codes(line.substring("-- with schema: ".length()));
            } else if (name != null) {
                sql.append(line).append('\n');
            }
        }
        cases.add(new Case(name, expected, withSchema == null ? expected : withSchema, sql.toString()));
        return cases;
    }

    private static List<String> codes(String line) {
        String codes = line.strip();
        return codes.equals("none") ? List.of() : Arrays.stream(codes.split(",\\s*")).toList();
    }

    @Test
    void theCorpusHoldsAtLeastThirtyStatements() throws Exception {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void atLeastTenCasesFindOtherCodesAgainstTheSchema() throws Exception {
        assertThat(corpus()).filteredOn(c -> !c.withSchema().equals(c.expected())).hasSizeGreaterThanOrEqualTo(10);
    }

    @TestFactory
    Stream<DynamicTest> eachCaseFindsExactlyItsCodes() throws Exception {
        return corpus().stream().map(c -> DynamicTest.dynamicTest(c.name(),
                () -> assertFinds(Linter.lint("V1__case.sql", c.sql(), NO_TIMEOUTS), c.expected())));
    }

    @TestFactory
    Stream<DynamicTest> eachCaseFindsExactlyItsCodesAgainstTheSchema() throws Exception {
        return corpus().stream().map(c -> DynamicTest.dynamicTest(c.name() + ", with schema",
                () -> assertFinds(Linter.lint("V1__case.sql", c.sql(), schema, NO_TIMEOUTS), c.withSchema())));
    }

    private static void assertFinds(List<LintFinding> findings, List<String> codes) {
        assertThat(findings).as(findings.toString()).extracting(LintFinding::code).containsExactlyElementsOf(codes);
        assertThat(findings).allMatch(f -> f.suggestion().isPresent() || f.advice().isPresent());
    }

    @Test
    void findingsNameFileLineCodeAndARewrite() {
        List<LintFinding> findings = Linter.lint("V8__fix.sql", "-- fix\n\nCREATE TABLE t (id int);\n");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.toString()).isEqualTo("V8__fix.sql:3: create table \"t\" without if not exists [GRAFT-L101]");
            assertThat(f.suggestion()).contains("CREATE TABLE IF NOT EXISTS t (id int)");
        });
    }

    @Test
    void garbageIsAWarningNeverACrash() {
        assertThat(Linter.lint("V9__x.sql", "SELECT (((;\n$$ unterminated")).allMatch(f -> f.rule() == LintRule.UNPARSEABLE);
        assertThat(Linter.lint("V9__x.sql", "SELECT (((;\n$$ unterminated", schema))
                .allMatch(f -> f.rule() == LintRule.UNPARSEABLE);
        assertThat(Linter.result(Linter.lint("V9__x.sql", "FROBNICATE;")).failed()).isFalse();
        assertThat(Linter.result(Linter.lint("V9__x.sql", "CREATE TABLE t (id int);")).failed()).isTrue();
        assertThatNullPointerException().isThrownBy(() -> Linter.lint("V9__x.sql", "DROP TABLE t;", (SchemaSnapshot) null))
                .withMessage("before == null");
    }

    @Test
    void theJavadocExampleHolds() {
        List<LintFinding> findings = Linter.lint("V9__log.sql", "INSERT INTO audit_log (event) VALUES ('moved');", schema);
        assertThat(findings.get(0).toString()).isEqualTo("V9__log.sql:1: insert into \"audit_log\" repeats its rows on"
                + " a second run: the table has no key [GRAFT-L109]");
        assertThat(Linter.result(findings).failed()).as("a warning").isFalse();
    }

    @Test
    void theSuggestedInsertsRunTwiceAndInsertOnce() throws Exception {
        LintFinding keyless = Linter.lint("V9__log.sql",
                "INSERT INTO audit_log (event, at, note) VALUES ('moved', now(), NULL);", schema).get(0);
        assertThat(keyless.suggestion()).contains("INSERT INTO audit_log (event, at, note) SELECT 'moved', now(), NULL"
                + " WHERE NOT EXISTS (SELECT 1 FROM audit_log WHERE event = 'moved' AND note IS NULL)");
        LintFinding keyed = Linter.lint("V9__de.sql",
                "INSERT INTO \"Audit\" (id, event) VALUES (1, 'moved');", schema).get(0);
        assertThat(keyed.rule()).isEqualTo(LintRule.INSERT_WITHOUT_ON_CONFLICT);
        try (Branch copy = TestEngine.get().create(BranchSpec.of("lint-guards").parent(lintSchema.db().name()).build());
             Connection c = copy.connect(); Statement s = c.createStatement()) {
            for (int run = 0; run < 2; run++) {
                s.execute(keyless.suggestion().orElseThrow());
                s.execute(keyed.suggestion().orElseThrow());
            }
            assertThat(count(s, "SELECT count(*) FROM audit_log")).isEqualTo(1);
            assertThat(count(s, "SELECT count(*) FROM \"Audit\"")).isEqualTo(1);
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
