package dev.graft.verifier.lint;

import dev.graft.verifier.sql.MigrationStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The findings of one statement as the rule families add them: rules switched off, or ignored for
 * this statement by a {@code -- graft:lint-ignore} comment, add nothing; and one finding per
 * hazard, so a rule whose rewrite already covers a part ("the index is built without
 * concurrently" covers "and without if not exists") keeps the other rule quiet about that part.
 */
final class StatementFindings {

    /** The part of a statement a finding is about: the whole statement, or one action of an ALTER TABLE. */
    static final int WHOLE = -1;
    /** For findings about the file's context (timeouts, transactions): they cover no part. */
    static final int NOTHING = -2;

    private final FileContext file;
    private final MigrationStatement statement;
    private final int column;
    private final Set<LintRule> ignored;
    private final List<LintFinding> findings = new ArrayList<>();
    private final Set<Integer> covered = new HashSet<>();

    StatementFindings(FileContext file, MigrationStatement statement, int column, Set<LintRule> ignored) {
        this.file = file;
        this.statement = statement;
        this.column = column;
        this.ignored = ignored;
    }

    /** A finding about {@code part}; it covers that part for {@link #addUnlessCovered}. */
    void add(int part, LintRule rule, String message, String rewrite, String advice) {
        if (!file.options().runs(rule) || ignored.contains(rule)) {
            return;
        }
        if (part != NOTHING) {
            covered.add(part);
        }
        findings.add(new LintFinding(rule, file.name(), statement.line(), column, message, statement.summary(),
                Optional.ofNullable(rewrite), Optional.ofNullable(advice)));
    }

    /** A finding about {@code part} unless a finding about it, or about the whole statement, is there. */
    void addUnlessCovered(int part, LintRule rule, String message, String rewrite, String advice) {
        if (!covered.contains(part) && !covered.contains(WHOLE)) {
            add(part, rule, message, rewrite, advice);
        }
    }

    List<LintFinding> findings() {
        return List.copyOf(findings);
    }
}
