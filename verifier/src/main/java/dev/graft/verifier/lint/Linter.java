package dev.graft.verifier.lint;

import dev.graft.catalog.SchemaView;
import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.CheckStatus;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import dev.graft.verifier.sql.MigrationStatement;
import dev.graft.verifier.sql.StatementSplitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lints a hand-written SQL migration: statements that are not idempotent, that take locks others
 * wait behind, that fail in Flyway's transaction, that break the running version of the
 * application, or that fail at run time; each found with its rule, line and column, and a rewrite
 * that runs (twice) where one exists. Statements the parser cannot read give a warning; nothing
 * here throws for bad SQL. Rules are switched off by {@link LintOptions}, or for one statement by
 * a comment before it: {@code -- graft:lint-ignore L201} (no codes: every rule).
 *
 * <p>Given the schema the migration runs against, lint knows which tables exist before it (locks
 * on a table the file creates hurt no one), which have a key, the columns' types and which are
 * checked NOT NULL. Without it, every table the file did not create is taken to exist.
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

    private static final Pattern IGNORE = Pattern.compile("--\\s*graft:lint-ignore(-file)?\\b([^\\n]*)");

    private Linter() {
    }

    /** The findings of one file, in statement order, not knowing the schema it runs against. */
    public static List<LintFinding> lint(String file, String sql) {
        return lint(file, sql, LintOptions.defaults());
    }

    /** The findings of one file with these options, not knowing the schema it runs against. */
    public static List<LintFinding> lint(String file, String sql, LintOptions options) {
        return lint(file, sql, KnownTables.unknown(), options);
    }

    /**
     * The findings of one file, in statement order, judged against the database before it runs:
     * unqualified names are in {@code public}, unquoted ones fold to lower case.
     */
    public static List<LintFinding> lint(String file, String sql, SchemaSnapshot before) {
        return lint(file, sql, before, LintOptions.defaults());
    }

    /** As {@link #lint(String, String, SchemaSnapshot)}, with these options. */
    public static List<LintFinding> lint(String file, String sql, SchemaSnapshot before, LintOptions options) {
        Objects.requireNonNull(before, "before == null");
        return lint(file, sql, KnownTables.before(before), options);
    }

    /** The findings of one file judged against the catalog's schema before it ({@code Catalog.schemaBefore}). */
    public static List<LintFinding> lint(String file, String sql, SchemaView before, LintOptions options) {
        Objects.requireNonNull(before, "before == null");
        return lint(file, sql, KnownTables.before(before), options);
    }

    /**
     * The findings of statements that run inside a migration, after its earlier steps: judged
     * against {@code at}, the catalog's schema at that point; tables that {@code start} (the schema
     * before the migration) lacks were made earlier in the same migration and are new.
     */
    public static List<LintFinding> lint(String file, String sql, SchemaView start, SchemaView at, LintOptions options) {
        Objects.requireNonNull(start, "start == null");
        Objects.requireNonNull(at, "at == null");
        return lint(file, sql, KnownTables.inside(start, at), options);
    }

    private static List<LintFinding> lint(String file, String sql, KnownTables tables, LintOptions options) {
        Objects.requireNonNull(options, "options == null");
        List<MigrationStatement> statements = StatementSplitter.split(sql);
        boolean outside = statements.stream().anyMatch(s -> !s.transactional());
        boolean inside = statements.stream().anyMatch(MigrationStatement::transactional);
        boolean inTransaction = options.executeInTransaction().orElse(!outside);
        boolean mixed = options.executeInTransaction().isEmpty() && outside && inside;
        FileContext context = new FileContext(file, options, inTransaction, tables);
        List<RuleFamily> families = List.of(new TransactionRules(mixed), new BreakingChangeRules(),
                new RuntimeFailureRules(), new LockRules(), new AlterTableRules(), new TypeRules(), new IdempotencyRules());
        Set<LintRule> fileIgnored = ignored(sql, true);
        String[] lines = sql.split("\n", -1);
        List<LintFinding> findings = new ArrayList<>();
        for (MigrationStatement statement : statements) {
            StatementFacts facts = JsqlStatements.read(statement.sql());
            Set<LintRule> ignoredHere = EnumSet.copyOf(fileIgnored);
            ignoredHere.addAll(ignored(statement.sql(), false));
            StatementFindings out = new StatementFindings(context, statement, column(lines, statement), ignoredHere);
            if (facts.kind() == StatementFacts.Kind.UNPARSEABLE) {
                out.add(StatementFindings.WHOLE, LintRule.UNPARSEABLE, "statement not understood ("
                        + facts.problem().orElse("") + "): only the replay checks prove it", null, "if it is valid PostgreSQL,"
                        + " switch the finding off for it with -- graft:lint-ignore L001 before it");
            }
            String code = SqlText.flat(statement.code());
            for (RuleFamily family : families) {
                family.check(facts, code, out, context);
            }
            FileEffects.apply(facts, context);
            findings.addAll(out.findings());
        }
        return List.copyOf(findings);
    }

    /** The rules a {@code graft:lint-ignore} comment switches off ({@code file}: the {@code -file} form). */
    private static Set<LintRule> ignored(String sql, boolean file) {
        Set<LintRule> rules = EnumSet.noneOf(LintRule.class);
        Matcher m = IGNORE.matcher(sql);
        while (m.find()) {
            if ((m.group(1) != null) == file) {
                Set<LintRule> named = EnumSet.noneOf(LintRule.class);
                for (String word : m.group(2).split("[,\\s]+")) {
                    LintRule.ofCode(word).ifPresent(named::add);
                }
                rules.addAll(named.isEmpty() ? EnumSet.allOf(LintRule.class) : named);
            }
        }
        return rules;
    }

    /** The column the statement's code starts at on its line, from 1. */
    private static int column(String[] lines, MigrationStatement statement) {
        String code = statement.code();
        String start = code.lines().findFirst().orElse("").strip();
        for (int line = statement.line() - 1; line < Math.min(lines.length, statement.line() + 50); line++) {
            int at = line >= 0 && !start.isEmpty() ? lines[line].indexOf(start) : -1;
            if (at >= 0) {
                return at + 1;
            }
        }
        return 1;
    }

    /** The lint check's result: failed when any finding is an error. */
    public static CheckResult result(List<LintFinding> findings) {
        long errors = findings.stream().filter(f -> f.rule().severity() == LintRule.Severity.ERROR).count();
        long warnings = findings.size() - errors;
        String summary = errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                + (warnings == 1 ? "" : "s");
        List<String> details = findings.stream().map(LintFinding::toString).toList();
        return errors > 0 ? CheckResult.failed(Check.LINT, Duration.ZERO, summary, details)
                : new CheckResult(Check.LINT, CheckStatus.PASSED, Duration.ZERO, summary, details);
    }
}
