package dev.graft.branch.template;

import java.util.List;

/**
 * A seed script made ready to run over JDBC in the database being made: psql meta-commands and
 * cluster-level statements blanked out (each line stays where it was, so failures name the
 * script's own lines), cut at statement boundaries into chunks that run one after the other,
 * so a long load can report how far it is.
 *
 * @param chunks the script's runnable text, in order
 * @param skipped what was left out, with its line
 * @param statements how many statements the chunks hold
 */
record SeedScript(List<Chunk> chunks, List<Skipped> skipped, int statements) {

    SeedScript {
        chunks = List.copyOf(chunks);
        skipped = List.copyOf(skipped);
    }

    /**
     * @param firstLine the script's line this chunk starts at (1-based)
     * @param text the chunk's text
     * @param statementsDone how many statements have run once this chunk has
     */
    record Chunk(int firstLine, String text, int statementsDone) {
    }

    /**
     * @param line the script's line the left-out statement starts at
     * @param statement its start, whitespace collapsed
     * @param why why a seed never runs it
     */
    record Skipped(int line, String statement, String why) {
    }
}
