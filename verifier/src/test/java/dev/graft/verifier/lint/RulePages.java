package dev.graft.verifier.lint;

import dev.graft.verifier.snapshot.SchemaSnapshot;
import java.util.List;
import java.util.Locale;

/**
 * The generated part of {@code docs/lint-rules.md}: a table of the rules, then a page per rule with
 * its bad example, why, the finding, the rewrite and the good example, all from {@code rules.sql}.
 */
final class RulePages {

    static final String MARKER = "<!-- Everything below is generated from verifier/src/test/resources/lint/rules.sql by"
            + " LintRulesTest (-Dgraft.lint.writeDocs=true rewrites it). -->";

    private RulePages() {
    }

    static String render(List<RuleExamples> rules, SchemaSnapshot schema) {
        StringBuilder md = new StringBuilder(MARKER).append("\n\n| code | severity | hazard | runs | rule |\n|---|---|---|---|---|\n");
        for (RuleExamples r : rules) {
            LintRule rule = r.rule();
            md.append("| [").append(rule.code()).append("](#").append(rule.code().toLowerCase(Locale.ROOT)).append(") | ")
                    .append(rule.severity().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(rule.family().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(rule.onByDefault() ? "by default" : "when included").append(" | ").append(rule.title())
                    .append(" |\n");
        }
        for (RuleExamples r : rules) {
            LintFinding f = Linter.lint("V1__bad.sql", r.bad().sql(), schema, r.bad().options(r.rule())).get(0);
            md.append("\n## ").append(r.rule().code()).append("\n\n**").append(r.rule().title()).append("** (")
                    .append(r.rule().severity().name().toLowerCase(Locale.ROOT)).append(", ")
                    .append(r.rule().family().name().toLowerCase(Locale.ROOT))
                    .append(r.rule().onByDefault() ? "" : ", off unless included").append(")\n\n")
                    .append(r.why()).append("\n\nBad").append(conf(r.bad())).append(":\n\n```sql\n").append(r.bad().sql())
                    .append("```\n\nFinds `").append(f.describe().lines().findFirst().orElse("")).append("`\n\n");
            f.suggestion().ifPresent(s -> md.append("Rewrite (tested: it runs twice on PostgreSQL 18):\n\n```sql\n")
                    .append(s).append(";\n```\n\n"));
            f.advice().ifPresent(a -> md.append("Advice: ").append(a).append(".\n\n"));
            md.append("Good").append(conf(r.good())).append(", finds nothing:\n\n```sql\n").append(r.good().sql())
                    .append("```\n");
        }
        return md.toString();
    }

    private static String conf(RuleExamples.Example example) {
        return example.executeInTransaction().map(v -> " (with `executeInTransaction=" + v + "` in its `.sql.conf`)")
                .orElse("");
    }
}
