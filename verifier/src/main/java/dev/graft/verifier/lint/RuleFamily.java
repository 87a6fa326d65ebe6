package dev.graft.verifier.lint;

/** One family of hazards: looks at a statement and adds its findings. */
interface RuleFamily {

    /**
     * @param facts what the statement does
     * @param sql   its code on one line
     * @param out   where findings go
     * @param file  what is known of the file so far
     */
    void check(StatementFacts facts, String sql, StatementFindings out, FileContext file);
}
