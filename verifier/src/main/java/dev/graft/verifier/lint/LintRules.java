package dev.graft.verifier.lint;

import dev.graft.verifier.lint.StatementFacts.ActionKind;
import dev.graft.verifier.lint.StatementFacts.AlterAction;
import dev.graft.verifier.sql.MigrationStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules, applied statement by statement with what is known of the tables (see
 * {@link KnownTables}): tables the file created, and the schema did not hold, are new (locks on
 * them hurt no one); inserts are judged by the keys of their table. {@code CHECK (c IS NOT NULL)
 * NOT VALID} constraints the file validated make a later {@code SET NOT NULL} cheap.
 */
final class LintRules {

    private static final Pattern VOLATILE_DEFAULT = Pattern.compile(
            "\\bDEFAULT\\s+(random|gen_random_uuid|uuid_generate_v[14]|clock_timestamp|timeofday|nextval)\\s*\\(",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_NULL_CHECK = Pattern.compile("CHECK\\s*\\(\\s*\"?(\\w+)\"?\\s+IS\\s+NOT\\s+NULL\\s*\\)",
            Pattern.CASE_INSENSITIVE);

    private static final Set<String> KEYS = Set.of("PRIMARY KEY", "UNIQUE", "EXCLUDE", "USING INDEX");

    private final String file;
    private final KnownTables tables;
    private final Map<String, String> notNullChecks = new HashMap<>();
    private final Set<String> validatedColumns = new HashSet<>();

    LintRules(String file, KnownTables tables) {
        this.file = file;
        this.tables = tables;
    }

    List<LintFinding> check(MigrationStatement s, StatementFacts f) {
        List<LintFinding> out = new ArrayList<>();
        String sql = flat(s.code());
        String name = quoted(f.object());
        switch (f.kind()) {
            case UNPARSEABLE -> out.add(finding(s, LintRule.UNPARSEABLE, "statement not understood ("
                    + f.problem().orElse("") + "): only the replay checks prove it", null));
            case CREATE_TABLE -> {
                tables.created(f.object(), f.unique());
                if (!f.ifNotExists()) {
                    out.add(finding(s, LintRule.CREATE_WITHOUT_IF_NOT_EXISTS, "create table " + name
                            + " without if not exists", sql.replaceFirst("(?i)^CREATE\\s+TABLE\\s+", "CREATE TABLE IF NOT EXISTS ")));
                }
            }
            case CREATE_INDEX -> index(s, f, sql, out);
            case CREATE_SEQUENCE, CREATE_SCHEMA, CREATE_EXTENSION, CREATE_MATERIALIZED_VIEW -> {
                if (!f.ifNotExists()) {
                    String what = f.kind().name().substring("CREATE_".length()).toLowerCase(Locale.ROOT).replace('_', ' ');
                    out.add(finding(s, LintRule.CREATE_WITHOUT_IF_NOT_EXISTS, "create " + what + " " + name
                            + " without if not exists", sql.replaceFirst("(?i)^CREATE\\s+(" + what.replace(" ", "\\s+")
                            + ")\\s+", "CREATE $1 IF NOT EXISTS ")));
                }
            }
            case CREATE_VIEW, CREATE_FUNCTION, CREATE_TRIGGER -> {
                if (!f.orReplace()) {
                    String what = f.kind().name().substring("CREATE_".length()).toLowerCase(Locale.ROOT);
                    out.add(finding(s, LintRule.CREATE_WITHOUT_OR_REPLACE, "create " + what
                            + (f.object().isEmpty() ? "" : " " + name) + " without or replace",
                            sql.replaceFirst("(?i)^CREATE\\s+", "CREATE OR REPLACE ")));
                }
            }
            case CREATE_TYPE -> out.add(finding(s, LintRule.UNGUARDED_CREATE_TYPE, "create type " + name
                    + " fails when the type exists", "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = '"
                    + bare(f.object()) + "') THEN " + sql + "; END IF; END $$"));
            case DROP -> {
                if (!f.onTable().isEmpty()) {
                    tables.dropped(f.onTable());
                }
                if (!f.ifExists()) {
                    out.add(finding(s, LintRule.DROP_WITHOUT_IF_EXISTS, "drop " + f.object() + " without if exists",
                            sql.replaceFirst("(?i)^DROP\\s+((?:MATERIALIZED\\s+)?\\w+)\\s+(CONCURRENTLY\\s+)?",
                                    "DROP $1 $2IF EXISTS ")));
                }
            }
            case ALTER_TABLE -> alter(s, f, sql, out);
            case INSERT -> insert(s, f, sql, out);
            case UPDATE -> {
                if (!f.guarded() && !tables.isNew(f.object())) {
                    out.add(finding(s, LintRule.UNBATCHED_UPDATE, "update of every row of " + name
                            + " in one transaction locks them all", "update in batches by key, skipping rows already done:"
                            + " " + sql + " WHERE <key> BETWEEN :from AND :to AND <column> IS DISTINCT FROM <value>"));
                }
            }
            case REFRESH -> {
                if (!f.concurrently()) {
                    out.add(finding(s, LintRule.REFRESH_WITHOUT_CONCURRENTLY, "refresh of " + name
                            + " blocks its readers", sql.replaceFirst("(?i)VIEW\\s+", "VIEW CONCURRENTLY ")));
                }
            }
            case EXCLUSIVE_REWRITE -> out.add(finding(s, LintRule.EXCLUSIVE_REWRITE, f.object().toLowerCase(Locale.ROOT)
                    + " holds an access exclusive lock", "leave it out of the migration (pg_repack rebuilds online)"));
            case DO_BLOCK, OTHER -> {
                // DO blocks are the idiom for guards; the replay checks prove them.
            }
        }
        return out;
    }

    private void insert(MigrationStatement s, StatementFacts f, String sql, List<LintFinding> out) {
        if (f.guarded()) {
            return;
        }
        String name = quoted(f.object());
        switch (tables.keys(f.object())) {
            case KEYED -> out.add(finding(s, LintRule.INSERT_WITHOUT_ON_CONFLICT, "insert into " + name
                    + " without on conflict: a second run fails on its key", sql + " ON CONFLICT DO NOTHING"));
            case UNKNOWN -> out.add(finding(s, LintRule.INSERT_WITHOUT_ON_CONFLICT, "insert into " + name
                    + " without on conflict: a second run inserts the rows again", sql + " ON CONFLICT DO NOTHING"));
            case KEYLESS -> out.add(finding(s, LintRule.INSERT_WITHOUT_GUARD, "insert into " + name
                    + " repeats its rows on a second run: the table has no key",
                    f.guardedForm().orElse("guard it: INSERT INTO " + f.object() + " (...) SELECT ... WHERE NOT EXISTS"
                            + " (SELECT 1 FROM " + f.object() + " WHERE <the columns that identify a row> = ...)")));
        }
    }

    private void index(MigrationStatement s, StatementFacts f, String sql, List<LintFinding> out) {
        String rewrite = sql.replaceFirst("(?i)^CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?(IF\\s+NOT\\s+EXISTS\\s+)?",
                "CREATE $1INDEX CONCURRENTLY IF NOT EXISTS ");
        if (!f.ifNotExists()) {
            out.add(finding(s, LintRule.CREATE_WITHOUT_IF_NOT_EXISTS, "create index " + quoted(f.object())
                    + " without if not exists", rewrite));
        }
        if (!f.concurrently() && !tables.isNew(f.onTable())) {
            out.add(finding(s, LintRule.INDEX_WITHOUT_CONCURRENTLY, "index on existing table " + quoted(f.onTable())
                    + " built without concurrently blocks its writes", rewrite + " (in a migration of its own)"));
        }
        if (f.unique()) {
            tables.keyed(f.onTable());
        }
    }

    private void alter(MigrationStatement s, StatementFacts f, String sql, List<LintFinding> out) {
        String table = f.object();
        boolean existing = !tables.isNew(table);
        for (AlterAction a : f.actions()) {
            switch (a.kind()) {
                case ADD_COLUMN -> {
                    if (!a.constraint().isEmpty()) {
                        tables.keyed(table);
                    }
                    if (!a.ifGuard()) {
                        out.add(finding(s, LintRule.ADD_COLUMN_WITHOUT_IF_NOT_EXISTS, "add column " + quoted(a.column())
                                + " to " + quoted(table) + " without if not exists",
                                sql.replaceFirst("(?i)ADD\\s+(COLUMN\\s+)?", "ADD COLUMN IF NOT EXISTS ")));
                    }
                    if (existing && VOLATILE_DEFAULT.matcher(a.text()).find()) {
                        out.add(finding(s, LintRule.VOLATILE_DEFAULT, "a volatile default for " + quoted(a.column())
                                + " rewrites all of " + quoted(table), "add the column without a default, backfill it in"
                                + " batches, then ALTER TABLE " + table + " ALTER COLUMN " + a.column() + " SET DEFAULT ..."));
                    }
                }
                case ALTER_TYPE -> {
                    if (existing) {
                        out.add(finding(s, LintRule.COLUMN_TYPE_REWRITE, "changing the type of " + quoted(a.column())
                                + " rewrites " + quoted(table) + " under an access exclusive lock",
                                "use change_column_type in the catalog: a shadow column, a batched backfill and triggers"));
                    }
                }
                case ADD_CONSTRAINT -> constraint(s, table, existing, a, sql, out);
                case VALIDATE -> {
                    String column = notNullChecks.get(bare(a.column()).toLowerCase(Locale.ROOT));
                    if (column != null) {
                        validatedColumns.add(KnownTables.resolve(table) + "." + column);
                    }
                }
                case SET_NOT_NULL -> {
                    if (existing && !validatedColumns.contains(KnownTables.resolve(table) + "." + bare(a.column()).toLowerCase(Locale.ROOT))) {
                        String check = bare(table) + "_" + bare(a.column()) + "_not_null";
                        out.add(finding(s, LintRule.SET_NOT_NULL_WITHOUT_CHECK, "set not null on " + quoted(a.column())
                                + " scans " + quoted(table) + " under an access exclusive lock",
                                "ALTER TABLE " + table + " ADD CONSTRAINT " + check + " CHECK (" + a.column()
                                        + " IS NOT NULL) NOT VALID; ALTER TABLE " + table + " VALIDATE CONSTRAINT " + check
                                        + "; " + sql));
                    }
                }
                case RENAME -> out.add(finding(s, LintRule.UNGUARDED_RENAME, "rename in " + quoted(table)
                        + " fails on a second run", "use rename_column / rename_table in the catalog, or guard it: DO $$ BEGIN"
                        + " IF <the old name exists> THEN " + sql + "; END IF; END $$"));
                case DROP -> {
                    if (!a.ifGuard()) {
                        out.add(finding(s, LintRule.DROP_WITHOUT_IF_EXISTS, "drop " + quoted(a.column()) + " from "
                                + quoted(table) + " without if exists", sql.replaceFirst(
                                "(?i)DROP\\s+(COLUMN\\s+|CONSTRAINT\\s+)?", "DROP $1IF EXISTS ")));
                    }
                }
                case OTHER -> {
                    // SET DEFAULT, DROP NOT NULL, comments: cheap and repeatable
                }
            }
        }
    }

    private void constraint(MigrationStatement s, String table, boolean existing, AlterAction a, String sql,
            List<LintFinding> out) {
        if (KEYS.contains(a.constraint())) {
            tables.keyed(table);
        }
        Matcher notNull = NOT_NULL_CHECK.matcher(a.text());
        if (notNull.find() && !a.column().isEmpty()) {
            notNullChecks.put(bare(a.column()).toLowerCase(Locale.ROOT), notNull.group(1).toLowerCase(Locale.ROOT));
        }
        String name = quoted(a.column().isEmpty() ? a.constraint().toLowerCase(Locale.ROOT) : a.column());
        out.add(finding(s, LintRule.UNGUARDED_ADD_CONSTRAINT, "add constraint " + name + " fails on a second run",
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = '" + bare(a.column())
                        + "') THEN " + sql + "; END IF; END $$"));
        if (!existing) {
            return;
        }
        if ((a.constraint().equals("FOREIGN KEY") || a.constraint().equals("CHECK")) && !a.notValid()) {
            out.add(finding(s, LintRule.CONSTRAINT_WITHOUT_NOT_VALID, "constraint " + name + " is checked against every"
                    + " row of " + quoted(table) + " while writes wait", sql + " NOT VALID; ALTER TABLE " + table
                    + " VALIDATE CONSTRAINT " + bare(a.column())));
        }
        if (a.constraint().equals("UNIQUE") || a.constraint().equals("PRIMARY KEY")) {
            out.add(finding(s, LintRule.KEY_WITHOUT_INDEX, a.constraint().toLowerCase(Locale.ROOT) + " " + name
                    + " builds its index while writes to " + quoted(table) + " wait",
                    "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + bare(a.column()) + " ON " + table
                            + " (...); ALTER TABLE " + table + " ADD CONSTRAINT " + bare(a.column()) + " "
                            + a.constraint() + " USING INDEX " + bare(a.column())));
        }
    }

    private LintFinding finding(MigrationStatement s, LintRule rule, String message, String suggestion) {
        return new LintFinding(rule, file, s.line(), message, s.summary(), Optional.ofNullable(suggestion));
    }

    private static String bare(String name) {
        return name.replace("\"", "");
    }

    private static String quoted(String name) {
        return "\"" + bare(name) + "\"";
    }

    private static String flat(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }
}
