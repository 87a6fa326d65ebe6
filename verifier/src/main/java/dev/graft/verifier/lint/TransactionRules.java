package dev.graft.verifier.lint;

import static dev.graft.verifier.lint.SqlText.quoted;
import static dev.graft.verifier.lint.StatementFindings.NOTHING;

import dev.graft.verifier.lint.StatementFacts.ActionKind;
import dev.graft.verifier.lint.StatementFacts.AlterAction;
import dev.graft.verifier.lint.StatementFacts.Flag;
import dev.graft.verifier.lint.StatementFacts.Kind;

/**
 * Statements judged in the transaction Flyway runs the file in: one transaction unless the file's
 * {@code .sql.conf} says {@code executeInTransaction=false}, or every statement of it must run
 * outside one. {@code CONCURRENTLY} inside it fails; a {@code VALIDATE} of a constraint the same
 * transaction added scans while the add's lock is still held; {@code BEGIN} and {@code COMMIT}
 * break Flyway's own transaction.
 */
final class TransactionRules implements RuleFamily {

    /** Whether the file mixes statements that need a transaction with ones that cannot run in one. */
    private final boolean mixed;

    TransactionRules(boolean mixed) {
        this.mixed = mixed;
    }

    @Override
    public void check(StatementFacts f, String sql, StatementFindings out, FileContext file) {
        if (f.kind() == Kind.TRANSACTION_CONTROL) {
            out.add(NOTHING, LintRule.TRANSACTION_CONTROL, f.object().toLowerCase(java.util.Locale.ROOT)
                    + " in a Flyway migration: Flyway runs and records the file in a transaction of its own", null,
                    "leave it out; for statements that cannot run in a transaction, set executeInTransaction=false in"
                            + " the migration's .sql.conf");
        }
        if (concurrently(f) && (file.inTransaction() || mixed)) {
            out.add(NOTHING, LintRule.CONCURRENTLY_IN_TRANSACTION, mixed && file.options().executeInTransaction().isEmpty()
                    ? "concurrently next to statements that run in a transaction: Flyway refuses the file"
                    : "concurrently inside the file's transaction (executeInTransaction=true) fails", null,
                    "give it a migration of its own, or set executeInTransaction=false in the migration's .sql.conf");
        }
        if (f.kind() == Kind.ALTER_TABLE && file.inTransaction()) {
            for (AlterAction a : f.actions()) {
                if (a.kind() == ActionKind.VALIDATE && file.addedHere(f.object(), a.name())) {
                    out.add(NOTHING, LintRule.VALIDATE_IN_SAME_TRANSACTION, "validate " + quoted(a.name())
                            + " runs in the transaction that added it: the scan holds the add's lock on "
                            + quoted(f.object()), null, "move the VALIDATE to the next migration, or set"
                            + " executeInTransaction=false in this migration's .sql.conf");
                }
            }
        }
    }

    private static boolean concurrently(StatementFacts f) {
        return f.has(Flag.CONCURRENTLY) && (f.kind() == Kind.CREATE_INDEX || f.kind() == Kind.DROP
                || f.kind() == Kind.REINDEX)
                || f.kind() == Kind.ALTER_TABLE && f.actions().stream().anyMatch(a -> a.kind() == ActionKind.DETACH
                        && a.constraint().equals("CONCURRENTLY"));
    }
}
