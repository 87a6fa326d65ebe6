package dev.graft.verifier.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.catalog.SchemaView;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON and SARIF reports of findings, and lint judged against the catalog's schema view of a real database. */
class LintReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LintOptions QUIET = LintOptions.defaults().without(LintRule.MISSING_TIMEOUTS);

    private final List<LintFinding> findings = Linter.lint("db/V2__My-Case.sql",
            "SELECT 1;\n  CREATE INDEX ON t (a);\nALTER TABLE t DROP COLUMN note;\n", QUIET);

    @Test
    void jsonHoldsEveryFieldOfEveryFinding() throws Exception {
        JsonNode json = JSON.readTree(LintReports.json(findings)).get("findings");
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("file").asText()).isEqualTo("db/V2__My-Case.sql");
        assertThat(json.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(json.get(0).get("column").asInt()).isEqualTo(3);
        assertThat(json.get(0).get("severity").asText()).isEqualTo("error");
        assertThat(json.get(0).get("code").asText()).isEqualTo("GRAFT-L201");
        assertThat(json.get(0).get("rewrite").asText()).isEqualTo("CREATE INDEX CONCURRENTLY IF NOT EXISTS t_a_idx ON t (a)");
        assertThat(json.get(0).get("docs").asText()).isEqualTo("docs/lint-rules.md#graft-l201");
        assertThat(json.get(1).get("code").asText()).isEqualTo("GRAFT-L401");
        assertThat(json.get(1).get("rewrite").isNull()).isTrue();
        assertThat(json.get(1).get("advice").asText()).contains("drop_column");
    }

    @Test
    void sarifIsOneRunWithEveryRuleAndAResultPerFinding() throws Exception {
        JsonNode sarif = JSON.readTree(LintReports.sarif(findings));
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("rules")).hasSize(LintRule.values().length);
        JsonNode result = run.get("results").get(1);
        assertThat(result.get("ruleId").asText()).isEqualTo("GRAFT-L401");
        assertThat(result.get("level").asText()).isEqualTo("warning");
        assertThat(run.get("tool").get("driver").get("rules").get(result.get("ruleIndex").asInt()).get("id").asText())
                .isEqualTo("GRAFT-L401");
        JsonNode location = result.get("locations").get(0).get("physicalLocation");
        assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo("db/V2__My-Case.sql");
        assertThat(location.get("region").get("startLine").asInt()).isEqualTo(3);
    }

    @Test
    void theCatalogSchemaViewKnowsTablesKeysTypesAndNotNullChecks() throws Exception {
        try (LintSchema schema = LintSchema.create("lint-view"); Connection c = schema.db().connect()) {
            SchemaView view = SchemaView.read(c);
            assertThat(codes("INSERT INTO audit_log (event) VALUES ('x');", view)).containsExactly("GRAFT-L109");
            assertThat(codes("INSERT INTO country (code) VALUES ('x');", view)).containsExactly("GRAFT-L104");
            assertThat(codes("ALTER TABLE t ALTER COLUMN code TYPE text;", view)).isEmpty();
            assertThat(codes("ALTER TABLE t ALTER COLUMN price TYPE numeric(12, 2);", view)).isEmpty();
            assertThat(codes("ALTER TABLE t ALTER COLUMN price TYPE numeric(12, 3);", view)).containsExactly("GRAFT-L202");
            assertThat(codes("ALTER TABLE t ALTER COLUMN a SET NOT NULL;", view)).containsExactly("GRAFT-L204");
            assertThat(codes("ALTER TABLE account ALTER COLUMN id SET NOT NULL;", view)).isEmpty();
            assertThat(codes("ALTER TABLE t ALTER COLUMN checked SET NOT NULL;", view)).as("a validated check").isEmpty();
        }
    }

    private static List<String> codes(String sql, SchemaView view) {
        return Linter.lint("V1.sql", sql, view, QUIET).stream().map(LintFinding::code).toList();
    }
}
