package dev.graft.verifier.lint;

import static dev.graft.verifier.lint.SqlText.quoted;
import static dev.graft.verifier.lint.StatementFindings.NOTHING;
import static dev.graft.verifier.lint.StatementFindings.WHOLE;

import dev.graft.verifier.lint.StatementFacts.Flag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statements that hold a lock others wait behind, on objects that existed before the file (locks
 * on what the file created hurt no one), and lock-taking statements without {@code lock_timeout}
 * and {@code statement_timeout} set before them. {@code ALTER TABLE} actions are {@link AlterTableRules}'.
 */
final class LockRules implements RuleFamily {

    private static final Pattern INDEX_HEAD = Pattern.compile("^CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:(" + SqlText.NAME + ")\\s+)?ON\\s+(ONLY\\s+)?(" + SqlText.NAME + ")(.*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final String CONCURRENT_ADVICE = "CONCURRENTLY cannot run inside a transaction: give it a migration of"
            + " its own (Flyway runs a file of only such statements outside a transaction), or set"
            + " executeInTransaction=false in the migration's .sql.conf";

    @Override
    public void check(StatementFacts f, String sql, StatementFindings out, FileContext file) {
        KnownTables tables = file.tables();
        switch (f.kind()) {
            case CREATE_INDEX -> {
                if (!f.has(Flag.CONCURRENTLY) && !tables.isNew(f.onTable())) {
                    out.add(WHOLE, LintRule.INDEX_WITHOUT_CONCURRENTLY, "index on existing table " + quoted(f.onTable())
                            + " built without concurrently blocks its writes", indexRewrite(f, sql, true), CONCURRENT_ADVICE);
                }
            }
            case DROP -> {
                String index = f.object().startsWith("index ") ? f.object().substring("index ".length()) : "";
                if (!index.isEmpty() && !f.has(Flag.CONCURRENTLY) && !file.indexIsNew(index)) {
                    boolean plain = !f.has(Flag.CASCADE) && sql.matches("(?is)^DROP\\s+INDEX\\s+(IF\\s+EXISTS\\s+)?"
                            + Pattern.quote(index) + "\\s*(RESTRICT)?$");
                    out.add(WHOLE, LintRule.DROP_INDEX_WITHOUT_CONCURRENTLY, "drop index " + quoted(index)
                            + " without concurrently blocks reads and writes of its table",
                            plain ? "DROP INDEX CONCURRENTLY IF EXISTS " + index : null, plain ? CONCURRENT_ADVICE
                                    : "drop each index on its own with DROP INDEX CONCURRENTLY IF EXISTS; " + CONCURRENT_ADVICE);
                }
            }
            case REINDEX -> {
                if (!f.has(Flag.CONCURRENTLY)) {
                    out.add(WHOLE, LintRule.REINDEX_WITHOUT_CONCURRENTLY, "reindex " + f.object().strip()
                            + " blocks writes (and reads through the index) while it rebuilds", sql.replaceFirst(
                                    "(?i)^(REINDEX\\s+(?:\\([^)]*\\)\\s*)?(?:INDEX|TABLE|SCHEMA|DATABASE|SYSTEM))\\s+",
                                    "$1 CONCURRENTLY "), CONCURRENT_ADVICE);
                }
            }
            case REFRESH -> {
                if (!f.has(Flag.CONCURRENTLY)) {
                    out.add(WHOLE, LintRule.REFRESH_WITHOUT_CONCURRENTLY, "refresh of " + quoted(f.object())
                            + " blocks its readers", sql.replaceFirst("(?i)VIEW\\s+", "VIEW CONCURRENTLY "),
                            "CONCURRENTLY needs a unique index on the view, and runs outside a transaction");
                }
            }
            case EXCLUSIVE_REWRITE -> out.add(WHOLE, LintRule.EXCLUSIVE_REWRITE, f.object().toLowerCase(Locale.ROOT)
                    + " holds an access exclusive lock", null, "leave it out of the migration (pg_repack rebuilds online)");
            case UPDATE -> {
                if (!f.has(Flag.GUARDED) && !tables.isNew(f.object())) {
                    out.add(WHOLE, LintRule.UNBATCHED_UPDATE, "update of every row of " + quoted(f.object())
                            + " in one transaction locks them all", null, "update in batches by key, skipping rows"
                            + " already done (WHERE <key> BETWEEN :from AND :to AND <column> IS DISTINCT FROM <value>),"
                            + " or use update_data / a backfill in the catalog");
                }
            }
            default -> {
                // no lock beyond the statement's own, brief one
            }
        }
        timeouts(f, out, file);
    }

    private static void timeouts(StatementFacts f, StatementFindings out, FileContext file) {
        boolean lockTimeout = file.isSet("lock_timeout");
        boolean statementTimeout = file.isSet("statement_timeout");
        if (lockTimeout && statementTimeout || !takesLock(f, file) || !file.options().runs(LintRule.MISSING_TIMEOUTS)
                || !file.firstTimeoutReport()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        if (!lockTimeout) {
            missing.add("lock_timeout");
            sets.add("SET lock_timeout = '5s'");
        }
        if (!statementTimeout) {
            missing.add("statement_timeout");
            sets.add("SET statement_timeout = '15min'");
        }
        out.add(NOTHING, LintRule.MISSING_TIMEOUTS, "this statement waits for a lock with no " + String.join(" and ", missing)
                + " set: while it waits, every query on the table queues behind it", String.join(";\n", sets),
                "set them at the top of the file, before the first statement that locks");
    }

    private static boolean takesLock(StatementFacts f, FileContext file) {
        KnownTables tables = file.tables();
        return switch (f.kind()) {
            case ALTER_TABLE -> !tables.isNew(f.object());
            case CREATE_INDEX -> !tables.isNew(f.onTable());
            case DROP -> f.object().startsWith("table ") ? !tables.isNew(f.onTable())
                    : f.object().startsWith("index ") && !file.indexIsNew(f.object().substring("index ".length()));
            case TRUNCATE, REINDEX, EXCLUSIVE_REWRITE, REFRESH, ALTER_DOMAIN -> true;
            default -> false;
        };
    }

    /**
     * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] IF NOT EXISTS <name> ON ...}: an index left unnamed
     * gets the name PostgreSQL would give it, as {@code IF NOT EXISTS} needs one.
     */
    static String indexRewrite(StatementFacts f, String sql, boolean concurrently) {
        Matcher m = INDEX_HEAD.matcher(sql);
        if (!m.find()) {
            return sql;
        }
        String name = m.group(2) != null ? m.group(2) : Rewrites.defaultName(m.group(4), Rewrites.columns(m.group(5)), "idx");
        return "CREATE " + (m.group(1) == null ? "" : "UNIQUE ") + "INDEX " + (concurrently ? "CONCURRENTLY " : "")
                + "IF NOT EXISTS " + name + " ON " + (m.group(3) == null ? "" : "ONLY ") + m.group(4) + m.group(5);
    }
}
