package dev.graft.verifier.internal;

import dev.graft.catalog.Catalog;
import dev.graft.catalog.Location;
import dev.graft.catalog.Migration;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.refactoring.Refactoring;
import dev.graft.catalog.refactoring.Sql;
import dev.graft.verifier.lint.LintFinding;
import dev.graft.verifier.lint.LintOptions;
import dev.graft.verifier.lint.LintRule;
import dev.graft.verifier.lint.Linter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        List<String> source = lines(model);
        SchemaView start = catalog.schemaBefore(model);
        SchemaView at = start;
        List<LintFinding> findings = new ArrayList<>();
        for (Refactoring r : model.refactorings()) {
            if (r instanceof Sql sql) {
                TextStart text = TextStart.of(sql.up().location(), source);
                for (LintFinding f : Linter.lint(model.fileName(), sql.up().text(), start, at, options)) {
                    findings.add(new LintFinding(f.rule(), model.fileName(), text.line() + f.line() - 1,
                            (f.line() == 1 ? text.column() : text.indent() + 1) + f.column() - 1, f.message(),
                            f.statement(), f.suggestion(), f.advice()));
                }
            }
            at = r.applyTo(at);
        }
        return findings;
    }

    private static List<String> lines(Migration model) {
        try {
            return Files.readAllLines(model.source(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Where a script's first character stands in the catalog file: after {@code up: "} on the same
     * line, or, for a block scalar ({@code up: |}), at the indentation of the next line.
     */
    private record TextStart(int line, int column, int indent) {

        static TextStart of(Location value, List<String> source) {
            int index = value.line() - 1;
            if (index >= source.size()) {
                return new TextStart(value.line(), value.column(), 0);
            }
            String rest = source.get(index).substring(Math.min(value.column() - 1, source.get(index).length())).strip();
            if ((rest.startsWith("|") || rest.startsWith(">")) && index + 1 < source.size()) {
                String next = source.get(index + 1);
                int indent = next.length() - next.stripLeading().length();
                return new TextStart(value.line() + 1, indent + 1, indent);
            }
            boolean quoted = rest.startsWith("\"") || rest.startsWith("'");
            return new TextStart(value.line(), value.column() + (quoted ? 1 : 0), 0);
        }
    }
}
