package dev.graft.verifier.internal;

import dev.graft.catalog.Catalog;
import dev.graft.catalog.Location;
import dev.graft.catalog.Location;
import dev.graft.catalog.Migration;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.refactoring.Refactoring;
import dev.graft.catalog.refactoring.Sql;
import dev.graft.verifier.lint.LintFinding;
import dev.graft.verifier.lint.LintOptions;
import dev.graft.verifier.lint.LintRule;
import dev.graft.verifier.lint.Linter;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-written part of a generated migration: the statements of its catalog file's {@code sql}
 * refactorings. The rest of a generated file is proven by construction; these are the user's own
 * and are linted like a hand-written file, against the catalog's schema at their point of the
 * migration (a table an earlier refactoring of the same migration created is new), each finding
 * located in the catalog file where the statement is written. The generated file around them sets
 * {@code lock_timeout}, so the timeout rule is left out.
 */
final class SqlRefactoringLint {

    private SqlRefactoringLint() {
    }

    /** Whether the migration has {@code sql} refactorings. */
    static boolean applies(Migration model) {
        return model.refactorings().stream().anyMatch(Sql.class::isInstance);
    }

    /** Every finding in those scripts, at its line and column in the catalog file. */
    static List<LintFinding> lint(Catalog catalog, Migration model) {
        LintOptions options = LintOptions.defaults().without(LintRule.MISSING_TIMEOUTS);
        SchemaView start = catalog.schemaBefore(model);
        SchemaView at = start;
        List<LintFinding> findings = new ArrayList<>();
        for (Refactoring r : model.refactorings()) {
            if (r instanceof Sql sql) {
                for (LintFinding f : Linter.lint(model.fileName(), sql.up().text(), start, at, options)) {
                    Location where = sql.up().locate(model.source(), f.line(), f.column());
                    findings.add(new LintFinding(f.rule(), model.fileName(), where.line(), where.column(), f.message(),
                            f.statement(), f.suggestion(), f.advice()));
                }
            }
            at = r.applyTo(at);
        }
        return findings;
    }
}
