package dev.graft.verifier.lint;

import static dev.graft.verifier.lint.SqlText.quoted;
import static dev.graft.verifier.lint.StatementFindings.WHOLE;

import dev.graft.verifier.lint.StatementFacts.Flag;
import dev.graft.verifier.lint.StatementFacts.Kind;
import java.util.HashSet;
import java.util.Set;

/**
 * Statements that fail when they run, or destroy more than they name: a column assigned twice,
 * {@code DROP DATABASE}, {@code TRUNCATE ... CASCADE}. (A {@code NOT NULL} column added without a
 * default is {@link AlterTableRules}'.)
 */
final class RuntimeFailureRules implements RuleFamily {

    @Override
    public void check(StatementFacts f, String sql, StatementFindings out, FileContext file) {
        if ((f.kind() == Kind.INSERT || f.kind() == Kind.UPDATE)) {
            Set<String> seen = new HashSet<>();
            for (String column : f.parts()) {
                if (!seen.add(KnownTables.fold(column))) {
                    out.add(WHOLE, LintRule.DUPLICATE_ASSIGNMENT, (f.kind() == Kind.INSERT ? "insert into " : "update of ")
                            + quoted(f.object()) + " sets " + quoted(column) + " twice: PostgreSQL rejects it", null,
                            "set each column once");
                    return;
                }
            }
        }
        if (f.kind() == Kind.DROP && f.object().startsWith("database ")) {
            out.add(WHOLE, LintRule.DROP_DATABASE, "drop " + f.object() + " in a migration loses every table in it", null,
                    "leave databases to operations, not migrations");
        }
        if (f.kind() == Kind.TRUNCATE && f.has(Flag.CASCADE)) {
            out.add(WHOLE, LintRule.TRUNCATE_CASCADE, "truncate " + quoted(f.object()) + " cascade empties every table"
                    + " that references it, named or not", null, "truncate the tables you mean by name, without CASCADE");
        }
    }
}
