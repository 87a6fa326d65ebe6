package dev.graft.verifier.lint;

import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.sql.MigrationStatement;
import dev.graft.verifier.sql.StatementSplitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Lints a hand-written SQL migration: statements that are not idempotent and statements that take
 * dangerous locks on existing tables, each found with its rule, line and a suggested rewrite.
 * Statements the parser cannot read give a warning; nothing here throws for bad SQL.
 *
 * <pre>{@code
 * List<LintFinding> findings = Linter.lint("V8__fix.sql", "CREATE TABLE t (id int);");
 * findings.get(0).toString(); // V8__fix.sql:1: create table "t" without if not exists [GRAFT-L101]
 * }</pre>
 */
public final class Linter {

    private Linter() {
    }

    /** The findings of one file, in statement order. */
    public static List<LintFinding> lint(String file, String sql) {
        LintRules rules = new LintRules(file);
        List<LintFinding> findings = new ArrayList<>();
        for (MigrationStatement statement : StatementSplitter.split(sql)) {
            findings.addAll(rules.check(statement, JsqlStatements.read(statement.sql())));
        }
        return findings;
    }

    /** The lint check's result: failed when any finding is an error. */
    public static CheckResult result(List<LintFinding> findings) {
        long errors = findings.stream().filter(f -> f.rule().severity() == LintRule.Severity.ERROR).count();
        long warnings = findings.size() - errors;
        String summary = errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                + (warnings == 1 ? "" : "s");
        List<String> details = findings.stream().map(LintFinding::toString).toList();
        return errors > 0 ? CheckResult.failed(Check.LINT, Duration.ZERO, summary, details)
                : new CheckResult(Check.LINT, dev.graft.verifier.CheckStatus.PASSED, Duration.ZERO, summary, details);
    }
}
