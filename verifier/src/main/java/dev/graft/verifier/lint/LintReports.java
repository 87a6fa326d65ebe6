package dev.graft.verifier.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Findings as files tools read: JSON (one object per finding) and SARIF 2.1.0, which GitHub code
 * scanning shows on the lines of a pull request.
 *
 * <pre>{@code
 * Files.writeString(Path.of("target/graft-lint.sarif"), LintReports.sarif(findings));
 * }</pre>
 */
public final class LintReports {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private LintReports() {
    }

    /** {@code {"findings": [{"file", "line", "column", "severity", "code", "message", "rewrite", "advice", "docs"}]}}. */
    public static String json(List<LintFinding> findings) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LintFinding f : findings) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("file", f.file());
            o.put("line", f.line());
            o.put("column", f.column());
            o.put("severity", level(f.rule()));
            o.put("code", f.code());
            o.put("message", f.message());
            o.put("statement", f.statement());
            o.put("rewrite", f.suggestion().orElse(null));
            o.put("advice", f.advice().orElse(null));
            o.put("docs", f.rule().docs());
            out.add(o);
        }
        return write(Map.of("findings", out));
    }

    /** A SARIF 2.1.0 log of one run: every rule as a reporting descriptor, every finding as a result. */
    public static String sarif(List<LintFinding> findings) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (LintRule rule : LintRule.values()) {
            rules.add(Map.of("id", rule.code(), "name", rule.name(), "shortDescription", Map.of("text", rule.title()),
                    "help", Map.of("text", "bad example, why, rewrite: " + rule.docs()), "defaultConfiguration", Map.of("level", level(rule))));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (LintFinding f : findings) {
            String text = f.message() + f.suggestion().map(s -> "\nrewrite: " + s).orElse("")
                    + f.advice().map(a -> "\nadvice: " + a).orElse("");
            results.add(Map.of("ruleId", f.code(), "ruleIndex", f.rule().ordinal(), "level", level(f.rule()),
                    "message", Map.of("text", text), "locations", List.of(Map.of("physicalLocation", Map.of(
                            "artifactLocation", Map.of("uri", f.file()),
                            "region", Map.of("startLine", f.line(), "startColumn", f.column()))))));
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "graft-lint");
        driver.put("rules", rules);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        log.put("runs", List.of(Map.of("tool", Map.of("driver", driver), "results", results)));
        return write(log);
    }

    private static String level(LintRule rule) {
        return rule.severity().name().toLowerCase(Locale.ROOT);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialize", e);
        }
    }
}
