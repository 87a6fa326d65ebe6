package dev.graft.verifier.lint;

import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import dev.graft.verifier.sql.MigrationStatement;
import dev.graft.verifier.sql.StatementSplitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lints a hand-written SQL migration: statements that are not idempotent and statements that take
 * dangerous locks on existing tables, each found with its rule, line and a suggested rewrite.
 * Statements the parser cannot read give a warning; nothing here throws for bad SQL.
 *
 * <p>Given the schema the migration runs against, lint knows which tables exist before it (a
 * {@code CREATE TABLE IF NOT EXISTS} of one of them creates nothing new) and which have a key: an
 * insert into a keyed table needs {@code ON CONFLICT} ({@code GRAFT-L104}), one into a table without
 * a key is a warning that suggests {@code WHERE NOT EXISTS} ({@code GRAFT-L109}). Without it, every
 * table the file did not create is taken to exist, and every unguarded insert needs {@code ON CONFLICT}.
 *
 * <pre>{@code
 * List<LintFinding> findings = Linter.lint("V8__fix.sql", "CREATE TABLE t (id int);");
 * findings.get(0).toString(); // V8__fix.sql:1: create table "t" without if not exists [GRAFT-L101]
 *
 * SchemaSnapshot before = SchemaSnapshot.read(connection); // audit_log has no key
 * Linter.lint("V9__log.sql", "INSERT INTO audit_log (event) VALUES ('moved');", before).get(0).toString();
 * // V9__log.sql:1: insert into "audit_log" repeats its rows on a second run: the table has no key [GRAFT-L109]
 * }</pre>
 */
public final class Linter {

    private Linter() {
    }

    /** The findings of one file, in statement order, not knowing the schema it runs against. */
    public static List<LintFinding> lint(String file, String sql) {
        return lint(file, sql, KnownTables.unknown());
    }

    /**
     * The findings of one file, in statement order, judged against the schema before it runs:
     * unqualified names are in {@code public}, unquoted ones fold to lower case.
     */
    public static List<LintFinding> lint(String file, String sql, SchemaSnapshot before) {
        Objects.requireNonNull(before, "before == null");
        return lint(file, sql, KnownTables.before(before));
    }

    private static List<LintFinding> lint(String file, String sql, KnownTables tables) {
        LintRules rules = new LintRules(file, tables);
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
