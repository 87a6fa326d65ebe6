package dev.graft.verifier.lint;

import static dev.graft.verifier.lint.SqlText.quoted;

import dev.graft.verifier.lint.StatementFacts.AlterAction;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ALTER TABLE} actions on a table that existed before the file that rewrite it, scan it or
 * build an index under a lock that blocks its writes, or fail on its rows; each with a rewrite that
 * avoids the lock and still runs twice.
 */
final class AlterTableRules implements RuleFamily {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern STORED = Pattern.compile("\\bGENERATED\\s+ALWAYS\\s+AS\\s*\\(.*\\)\\s*STORED\\b", FLAGS);
    private static final Pattern SERIAL = Pattern.compile("\\b(small|big)?serial[248]?\\b", FLAGS);
    private static final Pattern IDENTITY = Pattern.compile("\\bGENERATED\\s+(ALWAYS|BY\\s+DEFAULT)\\s+AS\\s+IDENTITY\\b", FLAGS);
    private static final Pattern VOLATILE = Pattern.compile("\\b(random|gen_random_uuid|uuid_generate_v[14]|uuidv[47]"
            + "|clock_timestamp|timeofday|nextval|txid_current|pg_current_xact_id)\\s*\\(", FLAGS);
    private static final Pattern DEFAULT = Pattern.compile("\\s+DEFAULT\\s+(.+?)(?=\\s+(?:NOT\\s+NULL|NULL|CHECK|UNIQUE|PRIMARY"
            + "|REFERENCES|CONSTRAINT|COLLATE)\\b|\\z)", FLAGS);
    private static final Pattern NOT_NULL = Pattern.compile("\\s+NOT\\s+NULL\\b", FLAGS);
    private static final Pattern KEY = Pattern.compile("\\s+(?:PRIMARY\\s+KEY|UNIQUE)\\b", FLAGS);
    private static final Pattern REFERENCES = Pattern.compile("\\s+REFERENCES\\s+(" + SqlText.NAME + ")\\s*(\\([^)]*\\))?"
            + "((?:\\s+ON\\s+(?:DELETE|UPDATE)\\s+(?:CASCADE|RESTRICT|NO\\s+ACTION|SET\\s+NULL|SET\\s+DEFAULT))*)", FLAGS);
    private static final Pattern COLUMN_HEAD = Pattern.compile("^ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?("
            + SqlText.NAME + ")\\s+(.*)$", FLAGS);
    private static final String VALIDATE_LATER = "validate it in the next migration (ALTER TABLE %s VALIDATE CONSTRAINT %s):"
            + " the scan then holds a lock that lets writes through; in this file's transaction it would not";

    @Override
    public void check(StatementFacts f, String sql, StatementFindings out, FileContext file) {
        String table = f.object();
        if (f.kind() != StatementFacts.Kind.ALTER_TABLE || file.tables().isNew(table)) {
            return;
        }
        List<AlterAction> actions = f.actions();
        for (int i = 0; i < actions.size(); i++) {
            AlterAction a = actions.get(i);
            switch (a.kind()) {
                case ADD_COLUMN -> column(table, i, a, out);
                case ALTER_TYPE -> {
                    if (!ColumnTypes.keepsStorage(file.tables().columnType(table, a.name()), a.text())) {
                        out.add(i, LintRule.COLUMN_TYPE_REWRITE, "changing the type of " + quoted(a.name()) + " rewrites "
                                + quoted(table) + " under an access exclusive lock", null, "use change_column_type in the"
                                + " catalog: a shadow column, a batched backfill and triggers, then complete");
                    }
                }
                case SET_NOT_NULL -> {
                    if (!file.tables().isNotNullChecked(table, a.name())) {
                        String check = Rewrites.defaultName(table, List.of(a.name()), "not_null");
                        AlterAction add = new AlterAction(a.kind(), check, false, "CHECK", true, "ADD CONSTRAINT " + check
                                + " CHECK (" + a.name() + " IS NOT NULL) NOT VALID");
                        out.add(i, LintRule.SET_NOT_NULL_WITHOUT_CHECK, "set not null on " + quoted(a.name()) + " scans "
                                + quoted(table) + " under an access exclusive lock", ConstraintRewrites.guardedAdd(table, add,
                                        true), String.format(VALIDATE_LATER, table, check) + "; SET NOT NULL after it"
                                        + " reads the check instead of the rows (make_column_not_null in the catalog does it all)");
                    }
                }
                case ADD_CONSTRAINT -> constraint(f, i, a, out);
                case DETACH -> {
                    if (a.constraint().isEmpty()) {
                        out.add(i, LintRule.DETACH_WITHOUT_CONCURRENTLY, "detach partition " + quoted(a.name())
                                + " holds an access exclusive lock on " + quoted(table), null, "ALTER TABLE " + table
                                + " DETACH PARTITION " + a.name() + " CONCURRENTLY, in a migration of its own run outside"
                                + " a transaction (it fails on a second run: guard it by checking pg_inherits)");
                    }
                }
                default -> {
                    // renames, drops and DROP NOT NULL are breaking changes, not locks; the rest is quick
                }
            }
        }
    }

    private static void constraint(StatementFacts f, int i, AlterAction a, StatementFindings out) {
        String table = f.object();
        String name = quoted(ConstraintRewrites.name(table, a));
        switch (a.constraint()) {
            case "FOREIGN KEY", "CHECK" -> {
                if (!a.notValid()) {
                    boolean idiom = i > 0 && f.actions().get(i - 1).kind() == StatementFacts.ActionKind.DROP_CONSTRAINT;
                    out.add(i, LintRule.CONSTRAINT_WITHOUT_NOT_VALID, "constraint " + name + " is checked against every"
                            + " row of " + quoted(table) + " while writes wait", idiom
                            ? IdempotencyRules.replaced(f, i, ConstraintRewrites.action(table, a, true))
                            : ConstraintRewrites.guardedAdd(table, a, true),
                            String.format(VALIDATE_LATER, table, ConstraintRewrites.name(table, a)));
                }
            }
            case "UNIQUE", "PRIMARY KEY" -> out.add(i, LintRule.KEY_WITHOUT_INDEX, a.constraint().toLowerCase(java.util.Locale.ROOT)
                    + " " + name + " builds its index while writes to " + quoted(table) + " wait",
                    ConstraintRewrites.keyOverIndex(table, a), "the index build runs outside a transaction: give it a"
                            + " migration of its own, or executeInTransaction=false in the .sql.conf");
            case "EXCLUDE" -> out.add(i, LintRule.KEY_WITHOUT_INDEX, "exclusion constraint " + name + " builds its index"
                    + " while writes to " + quoted(table) + " wait", null, "an exclusion constraint cannot use an index"
                    + " built before it: add it while the table is small, or in a maintenance window");
            default -> {
                // USING INDEX: the index was built before, the constraint is a catalog change
            }
        }
    }

    /** The integer type a serial stands for, or the type an identity column declares. */
    private static String serialType(String code, String definition) {
        Matcher serial = SERIAL.matcher(code);
        if (!serial.find()) {
            return IDENTITY.matcher(definition).replaceFirst("").replaceAll("(?i)\\b(NOT\\s+NULL|PRIMARY\\s+KEY|UNIQUE)\\b", "")
                    .strip();
        }
        String word = serial.group().toLowerCase(java.util.Locale.ROOT);
        return word.startsWith("big") || word.endsWith("8") ? "bigint" : word.startsWith("small") || word.endsWith("2")
                ? "smallint" : "integer";
    }

    private static void column(String table, int i, AlterAction a, StatementFindings out) {
        String code = SqlText.withoutLiterals(a.text());
        Matcher head = COLUMN_HEAD.matcher(a.text());
        if (!head.find()) {
            return;
        }
        String column = head.group(1);
        String definition = head.group(2);
        String add = "ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + column + " ";
        Matcher defaultValue = DEFAULT.matcher(definition);
        boolean hasDefault = defaultValue.find();
        if (STORED.matcher(code).find()) {
            out.add(i, LintRule.STORED_GENERATED_COLUMN, "stored generated column " + quoted(column) + " rewrites "
                    + quoted(table) + " under an access exclusive lock", add + definition.replaceFirst("(?i)\\bSTORED\\b",
                            "VIRTUAL"), "PostgreSQL 18 computes a VIRTUAL column when it is read, without a rewrite; before"
                            + " 18: a plain column, a trigger and a batched backfill");
        } else if (SERIAL.matcher(code).find() || IDENTITY.matcher(code).find()) {
            String type = serialType(code, definition);
            String sequence = Rewrites.defaultName(table, List.of(column), "seq");
            String qualified = KnownTables.resolve(table).startsWith("public.") ? sequence
                    : table.substring(0, table.lastIndexOf('.') + 1) + sequence;
            out.add(i, LintRule.SERIAL_COLUMN_ADDED, "serial or identity column " + quoted(column) + " fills every row of "
                    + quoted(table) + " in a rewrite under an access exclusive lock", add + type + ";\n"
                    + "CREATE SEQUENCE IF NOT EXISTS " + qualified + " OWNED BY " + table + "." + column + ";\n"
                    + "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DEFAULT nextval("
                    + dev.graft.verifier.snapshot.SqlNames.literal(qualified) + ");\n"
                    + "UPDATE " + table + " SET " + column + " = nextval(" + dev.graft.verifier.snapshot.SqlNames.literal(qualified)
                    + ") WHERE " + column + " IS NULL", "backfill in batches on a large table; a key on it is then"
                    + " CREATE UNIQUE INDEX CONCURRENTLY and ADD CONSTRAINT ... USING INDEX");
        } else if (hasDefault && VOLATILE.matcher(SqlText.withoutLiterals(defaultValue.group(1))).find()) {
            String expression = defaultValue.group(1).strip();
            String plain = NOT_NULL.matcher(DEFAULT.matcher(definition).replaceFirst("")).replaceAll("").strip();
            out.add(i, LintRule.VOLATILE_DEFAULT, "the volatile default of " + quoted(column) + " is computed for every"
                    + " row of " + quoted(table) + " in a rewrite under an access exclusive lock", add + plain + ";\n"
                    + "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DEFAULT " + expression + ";\n"
                    + "UPDATE " + table + " SET " + column + " = " + expression + " WHERE " + column + " IS NULL",
                    "the default is set before the backfill, so rows written meanwhile get it too; backfill in batches"
                            + " on a large table" + (NOT_NULL.matcher(code).find() ? ", then make_column_not_null" : ""));
        } else if (KEY.matcher(code).find()) {
            String plain = KEY.matcher(definition).replaceAll("").strip();
            boolean unique = !a.constraint().equals("PRIMARY KEY");
            String key = Rewrites.defaultName(table, List.of(column), unique ? "key" : "pkey");
            out.add(i, LintRule.KEY_WITHOUT_INDEX, a.constraint().toLowerCase(java.util.Locale.ROOT) + " column "
                    + quoted(column) + " builds its index while writes to " + quoted(table) + " wait", unique ? add + plain
                    + ";\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + key + " ON " + table + " (" + column + ");\n"
                    + Rewrites.guarded(Rewrites.noConstraint(table, key), "ALTER TABLE " + table + " ADD CONSTRAINT " + key
                            + " UNIQUE USING INDEX " + key) : null, "build the index concurrently first, in a migration"
                            + " run outside a transaction, then ADD CONSTRAINT ... USING INDEX");
        } else if (REFERENCES.matcher(code).find()) {
            Matcher reference = REFERENCES.matcher(definition);
            reference.find();
            String key = Rewrites.defaultName(table, List.of(column), "fkey");
            AlterAction foreignKey = new AlterAction(a.kind(), key, false, "FOREIGN KEY", true, "ADD CONSTRAINT " + key
                    + " FOREIGN KEY (" + column + ") REFERENCES " + reference.group(1)
                    + (reference.group(2) == null ? "" : " " + reference.group(2)) + reference.group(3) + " NOT VALID");
            out.add(i, LintRule.CONSTRAINT_WITHOUT_NOT_VALID, "the foreign key of new column " + quoted(column)
                    + " is checked against every row of " + quoted(table) + " while writes to both tables wait",
                    add + REFERENCES.matcher(definition).replaceFirst("").strip() + ";\n"
                            + ConstraintRewrites.guardedAdd(table, foreignKey, true),
                    String.format(VALIDATE_LATER, table, key));
        } else if (NOT_NULL.matcher(code).find() && !hasDefault) {
            out.add(i, LintRule.NOT_NULL_WITHOUT_DEFAULT, "not null column " + quoted(column) + " without a default fails"
                    + " on the rows " + quoted(table) + " holds", null, "give it a constant default (no rewrite since"
                    + " PostgreSQL 11), or use add_column with `from` in the catalog and make_column_not_null after it");
        }
    }
}
