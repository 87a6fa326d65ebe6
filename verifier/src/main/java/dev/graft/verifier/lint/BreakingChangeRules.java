package dev.graft.verifier.lint;

import static dev.graft.verifier.lint.SqlText.quoted;
import static dev.graft.verifier.lint.StatementFindings.WHOLE;

import dev.graft.verifier.lint.StatementFacts.AlterAction;
import dev.graft.verifier.lint.StatementFacts.Kind;
import java.util.List;

/**
 * Changes the version of the application that is running while the migration runs does not
 * survive: a column or table it reads is gone or renamed, a column it takes as set may be NULL.
 * Each points at the catalog refactoring that makes the change with a transition.
 */
final class BreakingChangeRules implements RuleFamily {

    @Override
    public void check(StatementFacts f, String sql, StatementFindings out, FileContext file) {
        KnownTables tables = file.tables();
        if (f.kind() == Kind.DROP && f.object().startsWith("table ") && !tables.isNew(f.onTable())) {
            out.add(WHOLE, LintRule.DROP_TABLE, "drop table " + quoted(f.onTable()) + " breaks the version that still"
                    + " reads it", null, "use drop_table in the catalog: the table stays until complete, after the old"
                    + " version is gone (by hand: DROP TABLE IF EXISTS in that later release)");
        }
        if (f.kind() != Kind.ALTER_TABLE || tables.isNew(f.object())) {
            return;
        }
        String table = f.object();
        List<AlterAction> actions = f.actions();
        for (int i = 0; i < actions.size(); i++) {
            AlterAction a = actions.get(i);
            switch (a.kind()) {
                case DROP_COLUMN -> out.add(i, LintRule.DROP_COLUMN, "drop column " + quoted(a.name()) + " breaks the"
                        + " version of the application that still reads or writes it", null, "use drop_column in the"
                        + " catalog: expand makes it optional, complete drops it after the old version is gone (by hand:"
                        + " ALTER TABLE " + table + " DROP COLUMN IF EXISTS " + a.name() + " in that later release)");
                case RENAME -> {
                    String what = a.constraint().toLowerCase(java.util.Locale.ROOT);
                    if (!what.equals("constraint")) {
                        out.add(i, LintRule.RENAME, "rename of " + what + " " + quoted(a.name().isEmpty() ? table
                                : a.name()) + " breaks the version that uses the old name", null, "use rename_" + what
                                + " in the catalog: both names work until complete, a trigger (or a view) keeps them in step");
                    }
                }
                case DROP_NOT_NULL -> out.add(i, LintRule.DROP_NOT_NULL, "drop not null on " + quoted(a.name()) + ": the"
                        + " running version may read NULLs it never expected", null, "make sure every reader handles"
                        + " NULL first; if the column is going away, drop_column in the catalog makes it optional in its"
                        + " expand and drops it in complete");
                default -> {
                    // additive changes keep the running version working
                }
            }
        }
    }
}
