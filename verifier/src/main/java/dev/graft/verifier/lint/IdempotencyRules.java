package dev.graft.verifier.lint;

import static dev.graft.verifier.lint.SqlText.quoted;
import static dev.graft.verifier.lint.StatementFindings.WHOLE;

import dev.graft.verifier.lint.StatementFacts.ActionKind;
import dev.graft.verifier.lint.StatementFacts.AlterAction;
import dev.graft.verifier.lint.StatementFacts.Flag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Statements that fail, or do their work again, on a second run: Flyway's repair, a re-applied
 * baseline and the verifier's reapply check all run a migration twice. Runs last: where a lock or
 * breaking-change rule already suggested a rewrite that is rerunnable, it stays quiet.
 */
final class IdempotencyRules implements RuleFamily {

    @Override
    public void check(StatementFacts f, String sql, StatementFindings out, FileContext file) {
        String name = quoted(f.object());
        switch (f.kind()) {
            case CREATE_TABLE, CREATE_SEQUENCE, CREATE_SCHEMA, CREATE_EXTENSION, CREATE_MATERIALIZED_VIEW -> {
                if (!f.has(Flag.IF_NOT_EXISTS)) {
                    String what = f.kind().name().substring("CREATE_".length()).toLowerCase(Locale.ROOT).replace('_', ' ');
                    out.addUnlessCovered(WHOLE, LintRule.CREATE_WITHOUT_IF_NOT_EXISTS, "create " + what + " " + name
                            + " without if not exists", sql.replaceFirst("(?i)\\b(" + what.replace(" ", "\\s+") + ")\\s+",
                                    "$1 IF NOT EXISTS "), null);
                }
            }
            case CREATE_INDEX -> {
                if (!f.has(Flag.IF_NOT_EXISTS)) {
                    out.addUnlessCovered(WHOLE, LintRule.CREATE_WITHOUT_IF_NOT_EXISTS, (f.object().isEmpty()
                            ? "create an unnamed index on " + quoted(f.onTable()) + " without if not exists (which needs a name)"
                            : "create index " + name + " without if not exists"), LockRules.indexRewrite(f, sql, f.has(Flag.CONCURRENTLY)), null);
                }
            }
            case CREATE_VIEW, CREATE_FUNCTION, CREATE_TRIGGER -> {
                if (!f.has(Flag.OR_REPLACE)) {
                    String what = f.kind().name().substring("CREATE_".length()).toLowerCase(Locale.ROOT);
                    out.addUnlessCovered(WHOLE, LintRule.CREATE_WITHOUT_OR_REPLACE, "create " + what + " " + name
                            + " without or replace", sql.replaceFirst("(?i)^CREATE\\s+", "CREATE OR REPLACE "), null);
                }
            }
            case CREATE_TYPE, CREATE_DOMAIN -> out.addUnlessCovered(WHOLE, LintRule.UNGUARDED_CREATE_TYPE, "create "
                    + (f.kind() == StatementFacts.Kind.CREATE_TYPE ? "type " : "domain ") + name
                    + " fails when it exists", Rewrites.guarded(Rewrites.noType(f.object()), sql), null);
            case ALTER_ENUM -> {
                if (!f.has(Flag.IF_NOT_EXISTS)) {
                    out.addUnlessCovered(WHOLE, LintRule.ENUM_VALUE_WITHOUT_IF_NOT_EXISTS, "add value to " + name
                            + " fails when the value exists", sql.replaceFirst("(?i)\\bADD\\s+VALUE\\s+",
                                    "ADD VALUE IF NOT EXISTS "), null);
                }
            }
            case DROP -> {
                if (!f.has(Flag.IF_EXISTS)) {
                    out.addUnlessCovered(WHOLE, LintRule.DROP_WITHOUT_IF_EXISTS, "drop " + f.object() + " without if exists",
                            sql.replaceFirst("(?i)^DROP\\s+((?:MATERIALIZED\\s+|FOREIGN\\s+)?\\w+)\\s+(CONCURRENTLY\\s+)?",
                                    "DROP $1 $2IF EXISTS "), null);
                }
            }
            case INSERT -> insert(f, sql, out, file);
            case ALTER_TABLE -> alter(f, out);
            default -> {
                // the other statements repeat harmlessly, or a DO block guards them
            }
        }
    }

    private static void insert(StatementFacts f, String sql, StatementFindings out, FileContext file) {
        if (f.has(Flag.GUARDED)) {
            return;
        }
        String name = quoted(f.object());
        String notExists = "guard it: INSERT INTO " + f.object() + " (...) SELECT ... WHERE NOT EXISTS (SELECT 1 FROM "
                + f.object() + " WHERE <the columns that identify a row> = ...)";
        switch (file.tables().keys(f.object())) {
            case KEYED -> out.addUnlessCovered(WHOLE, LintRule.INSERT_WITHOUT_ON_CONFLICT, "insert into " + name
                    + " without on conflict: a second run fails on its key", sql + " ON CONFLICT DO NOTHING", null);
            case UNKNOWN -> out.addUnlessCovered(WHOLE, LintRule.INSERT_WITHOUT_ON_CONFLICT, "insert into " + name
                    + " without a guard: a second run inserts the rows again or fails on a key",
                    f.guardedForm().orElse(null), f.guardedForm().isPresent() ? null
                            : notExists + "; ON CONFLICT DO NOTHING works only when the table has a key");
            case KEYLESS -> out.addUnlessCovered(WHOLE, LintRule.INSERT_WITHOUT_GUARD, "insert into " + name
                    + " repeats its rows on a second run: the table has no key",
                    f.guardedForm().orElse(null), f.guardedForm().isPresent() ? null : notExists);
        }
    }

    private static void alter(StatementFacts f, StatementFindings out) {
        String table = f.object();
        List<AlterAction> actions = f.actions();
        for (int i = 0; i < actions.size(); i++) {
            AlterAction a = actions.get(i);
            switch (a.kind()) {
                case ADD_COLUMN -> {
                    if (!a.ifGuard()) {
                        out.addUnlessCovered(i, LintRule.ADD_COLUMN_WITHOUT_IF_NOT_EXISTS, "add column " + quoted(a.name())
                                + " to " + quoted(table) + " without if not exists", replaced(f, i,
                                        a.text().replaceFirst("(?i)^ADD\\s+(COLUMN\\s+)?", "ADD COLUMN IF NOT EXISTS ")), null);
                    }
                }
                case ADD_CONSTRAINT -> {
                    if (!droppedBefore(actions, i)) {
                        out.addUnlessCovered(i, LintRule.UNGUARDED_ADD_CONSTRAINT, "add constraint "
                                + quoted(a.name().isEmpty() ? a.constraint().toLowerCase(Locale.ROOT) : a.name())
                                + " fails on a second run", ConstraintRewrites.guardedAdd(table, a, false), null);
                    }
                }
                case DROP_COLUMN, DROP_CONSTRAINT -> {
                    if (!a.ifGuard()) {
                        out.addUnlessCovered(i, LintRule.DROP_WITHOUT_IF_EXISTS, "drop " + quoted(a.name()) + " from "
                                + quoted(table) + " without if exists", replaced(f, i, a.text().replaceFirst(
                                        "(?i)^DROP\\s+(COLUMN\\s+|CONSTRAINT\\s+)?", "DROP $1IF EXISTS ")), null);
                    }
                }
                case RENAME -> out.addUnlessCovered(i, LintRule.UNGUARDED_RENAME, "rename in " + quoted(table)
                        + " fails on a second run", renameGuard(table, a), null);
                default -> {
                    // SET DEFAULT, VALIDATE, type changes: they repeat harmlessly
                }
            }
        }
    }

    /** {@code DROP CONSTRAINT IF EXISTS c, ADD CONSTRAINT c ...}: the idiom that reruns. */
    private static boolean droppedBefore(List<AlterAction> actions, int index) {
        String name = actions.get(index).name();
        return !name.isEmpty() && actions.subList(0, index).stream().anyMatch(d -> d.kind() == ActionKind.DROP_CONSTRAINT
                && d.ifGuard() && KnownTables.fold(d.name()).equals(KnownTables.fold(name)));
    }

    /** The statement with action {@code index} rewritten, its other actions as they are. */
    static String replaced(StatementFacts f, int index, String action) {
        List<String> texts = new ArrayList<>(f.actions().stream().map(AlterAction::text).toList());
        texts.set(index, action);
        return Rewrites.alterTable(f.object(), texts);
    }

    private static String renameGuard(String table, AlterAction a) {
        String sql = Rewrites.alterTable(table, List.of(a.text()));
        return switch (a.constraint()) {
            case "COLUMN" -> Rewrites.guarded(Rewrites.hasColumn(table, a.name()), sql);
            case "CONSTRAINT" -> Rewrites.guarded("NOT " + Rewrites.noConstraint(table, a.name()), sql);
            default -> Rewrites.guarded("to_regclass(" + dev.graft.verifier.snapshot.SqlNames.literal(table)
                    + ") IS NOT NULL", sql);
        };
    }
}
