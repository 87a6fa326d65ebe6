package dev.graft.verifier.report;

import dev.graft.verifier.effects.DataEffects;
import dev.graft.verifier.effects.RowEffect;

/** The rows a migration changed, as a Markdown table: table, column, rows, change, cause, first keys. */
final class DataEffectsMarkdown {

    private DataEffectsMarkdown() {
    }

    /** Nothing when no rows changed. */
    static void render(StringBuilder md, DataEffects effects) {
        if (effects.isEmpty()) {
            return;
        }
        md.append("**Rows changed** (measured on the clean run, keyed by primary key)\n\n")
                .append("| table | column | rows | change | by | first keys |\n|---|---|--:|---|---|---|\n");
        for (RowEffect e : effects.effects()) {
            md.append("| ").append(e.table()).append(" | ").append(e.column().isEmpty() ? "" : "`" + e.column() + "`")
                    .append(" | ").append(e.rows()).append(" | ").append(e.kind().verb()).append(" | ")
                    .append(MarkdownReport.cell(e.cause())).append(" | ")
                    .append(MarkdownReport.cell(String.join(", ", e.firstKeys()))).append(" |\n");
        }
        md.append('\n');
    }
}
