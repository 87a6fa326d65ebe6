package dev.graft.verifier.report;

import dev.graft.verifier.snapshot.SchemaDiff;
import dev.graft.verifier.snapshot.SchemaObject;

/**
 * A schema diff in Markdown: the user's objects counted and listed first, Graft's own helper
 * objects (transition functions, triggers, defaults) apart in their own group.
 */
final class SchemaDiffMarkdown {

    private SchemaDiffMarkdown() {
    }

    /** {@code 2 added, 0 removed, 0 changed (and 3 of Graft's helper objects)}. */
    static String summary(SchemaDiff diff) {
        int helpers = size(diff.graftHelpers());
        return diff.users().counts() + (helpers == 0 ? "" : " (and " + helpers + " of Graft's helper objects)");
    }

    /** The user's objects' table, then Graft's helpers' under their own heading. */
    static void tables(StringBuilder md, SchemaDiff diff) {
        table(md, diff.users());
        SchemaDiff helpers = diff.graftHelpers();
        if (!helpers.isEmpty()) {
            md.append("Graft's helper objects (transition functions, triggers and defaults; the contract removes"
                    + " them): ").append(helpers.counts()).append("\n\n");
            table(md, helpers);
        }
    }

    private static int size(SchemaDiff diff) {
        return diff.added().size() + diff.removed().size() + diff.changed().size();
    }

    private static void table(StringBuilder md, SchemaDiff diff) {
        if (diff.isEmpty()) {
            return;
        }
        md.append("| | kind | object | definition |\n|:-:|---|---|---|\n");
        for (SchemaObject o : diff.added()) {
            row(md, "+", o);
        }
        for (SchemaObject o : diff.removed()) {
            row(md, "−", o);
        }
        for (SchemaDiff.Change c : diff.changed()) {
            md.append("| ~ | ").append(c.kind().label()).append(" | `").append(c.name()).append("` | ")
                    .append(MarkdownReport.code(c.before())).append(" → ").append(MarkdownReport.code(c.after()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void row(StringBuilder md, String sign, SchemaObject o) {
        md.append("| ").append(sign).append(" | ").append(o.kind().label()).append(" | `").append(o.name())
                .append("` | ").append(MarkdownReport.code(o.definition())).append(" |\n");
    }
}
