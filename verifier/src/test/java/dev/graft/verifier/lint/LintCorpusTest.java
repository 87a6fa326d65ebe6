package dev.graft.verifier.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every case of {@code src/test/resources/lint/corpus.sql} finds exactly the codes it expects. */
class LintCorpusTest {

    private record Case(String name, List<String> expected, String sql) { }

    private static List<Case> corpus() throws Exception {
        List<Case> cases = new ArrayList<>();
        String name = null;
        List<String> expected = List.of();
        StringBuilder sql = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("src/test/resources/lint/corpus.sql"), StandardCharsets.UTF_8)) {
            if (line.startsWith("-- case: ")) {
                if (name != null) {
                    cases.add(new Case(name, expected, sql.toString()));
                }
                name = line.substring("-- case: ".length());
                sql.setLength(0);
            } else if (line.startsWith("-- expect: ")) {
                String codes = line.substring("-- expect: ".length()).strip();
                expected = codes.equals("none") ? List.of() : Arrays.stream(codes.split(",\\s*")).toList();
            } else if (name != null) {
                sql.append(line).append('\n');
            }
        }
        cases.add(new Case(name, expected, sql.toString()));
        return cases;
    }

    @Test
    void theCorpusHoldsAtLeastThirtyStatements() throws Exception {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(30);
    }

    @TestFactory
    Stream<DynamicTest> eachCaseFindsExactlyItsCodes() throws Exception {
        return corpus().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            List<LintFinding> findings = Linter.lint("V1__case.sql", c.sql());
            assertThat(findings).as(findings.toString()).extracting(LintFinding::code).containsExactlyElementsOf(c.expected());
            assertThat(findings).allMatch(f -> f.rule() == LintRule.UNPARSEABLE || f.suggestion().isPresent());
        }));
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
        assertThat(Linter.result(Linter.lint("V9__x.sql", "FROBNICATE;")).failed()).isFalse();
        assertThat(Linter.result(Linter.lint("V9__x.sql", "DROP TABLE t;")).failed()).isTrue();
    }
}
