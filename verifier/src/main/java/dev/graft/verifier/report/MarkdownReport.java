package dev.graft.verifier.report;

import dev.graft.verifier.BranchUse;
import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.CheckStatus;
import dev.graft.verifier.MigrationResult;
import dev.graft.verifier.RoundTripFinding;
import dev.graft.verifier.VerificationReport;
import dev.graft.verifier.lint.LintFinding;
import dev.graft.verifier.snapshot.SchemaDiff;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report as Markdown for a pull request: a verdict, a summary table (one row per migration, one
 * column per check), the failures with their details, then per migration its schema diff,
 * round-trip laws, lint findings, check timings and how each branch was copied.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(VerificationReport report) {
        StringBuilder md = new StringBuilder();
        md.append("## Graft verification: ").append(report.passed() ? "passed ✅" : "FAILED ❌").append("\n\n");
        md.append("Parent `").append(report.parent()).append("` (").append(report.engine()).append(" engine) · ")
                .append(report.migrations().size()).append(" pending migration")
                .append(report.migrations().size() == 1 ? "" : "s").append(" · ").append(report.branchesMade())
                .append(" branches made and removed · ").append(Durations.text(report.took())).append("\n\n");
        report.error().ifPresent(e -> md.append("> **The run stopped early:** ").append(cell(e)).append("\n\n"));
        summary(md, report);
        failures(md, report);
        notes(md, report);
        openTransitions(md, report);
        for (MigrationResult m : report.migrations()) {
            migration(md, m);
        }
        timings(md, report);
        return md.toString();
    }

    private static void summary(StringBuilder md, VerificationReport report) {
        if (report.migrations().isEmpty()) {
            md.append("Nothing to verify: no migration is pending (none was found, or the parent has applied every"
                    + " one; the console says which).\n\n");
            return;
        }
        md.append("| migration |");
        for (Check check : Check.values()) {
            md.append(' ').append(check.id()).append(" |");
        }
        md.append(" time |\n|---|");
        md.append(":-:|".repeat(Check.values().length)).append("--:|\n");
        for (MigrationResult m : report.migrations()) {
            md.append("| V").append(m.version()).append(" `").append(m.script()).append("` |");
            for (Check check : Check.values()) {
                md.append(' ').append(m.check(check).map(c -> symbol(c.status())).orElse("")).append(" |");
            }
            md.append(' ').append(Durations.text(m.took())).append(" |\n");
        }
        md.append("\n✅ passed · ❌ failed · ⭕ not exercised (nothing to prove it on) · ➖ not applicable"
                + " · ⏸ not run\n\n");
    }

    private static void failures(StringBuilder md, VerificationReport report) {
        boolean any = false;
        for (MigrationResult m : report.migrations()) {
            for (CheckResult c : m.checks()) {
                if (!c.failed()) {
                    continue;
                }
                if (!any) {
                    md.append("### Failures\n\n");
                    any = true;
                }
                md.append("- **V").append(m.version()).append(' ').append(c.check().id()).append("**: ")
                        .append(cell(c.summary())).append('\n');
                if (!c.details().isEmpty()) {
                    md.append("  ```\n");
                    c.details().forEach(d -> md.append("  ").append(d.replace("\n", "\n  ")).append('\n'));
                    md.append("  ```\n");
                }
            }
        }
        if (any) {
            md.append('\n');
        }
    }

    /**
     * Checks that ran and did not fail but have something to say: why they were not exercised,
     * writes the database refused, rows generated for them.
     */
    private static void notes(StringBuilder md, VerificationReport report) {
        boolean any = false;
        for (MigrationResult m : report.migrations()) {
            for (CheckResult c : m.checks()) {
                if (c.failed() || c.details().isEmpty() && c.status() != CheckStatus.NOT_EXERCISED) {
                    continue;
                }
                if (!any) {
                    md.append("### Warnings and notes\n\n");
                    any = true;
                }
                md.append("- **V").append(m.version()).append(' ').append(c.check().id()).append("**")
                        .append(c.status() == CheckStatus.NOT_EXERCISED ? " (not exercised)" : "")
                        .append(": ").append(cell(c.summary())).append('\n');
                c.details().forEach(d -> md.append("  - ").append(cell(d)).append('\n'));
            }
        }
        if (any) {
            md.append('\n');
        }
    }

    private static void openTransitions(StringBuilder md, VerificationReport report) {
        if (report.openTransitions().isEmpty()) {
            return;
        }
        md.append("### Open transitions\n\nExpanded and not completed: both shapes stay, and their triggers keep"
                + " them in sync, until a migration with `complete` ends each.\n\n");
        report.openTransitions().forEach(t -> md.append("- ").append(cell(t)).append('\n'));
        md.append('\n');
    }

    private static void migration(StringBuilder md, MigrationResult m) {
        md.append("### V").append(m.version()).append(" — `").append(m.script()).append("`\n\n");
        md.append(m.statements()).append(" statement").append(m.statements() == 1 ? "" : "s").append(" · ")
                .append(Durations.text(m.took())).append("\n\n");
        md.append("| check | result | time | summary |\n|---|:-:|--:|---|\n");
        for (CheckResult c : m.checks()) {
            md.append("| ").append(c.check().id()).append(" | ").append(symbol(c.status())).append(" | ")
                    .append(c.ran() ? Durations.text(c.took()) : "")
                    .append(" | ").append(cell(c.summary())).append(" |\n");
        }
        md.append('\n');
        DataEffectsMarkdown.render(md, m.dataEffects());
        schemaDiff(md, m.schemaDiff());
        roundTrips(md, m);
        lint(md, m);
        m.locks().ifPresent(l -> dev.graft.verifier.locks.LocksSection.markdown(md, l));
        branches(md, m);
    }

    /** A schema diff alone, as a Markdown table (for {@code graft:diff}). */
    public static String render(SchemaDiff diff) {
        StringBuilder md = new StringBuilder("## Schema diff: ").append(SchemaDiffMarkdown.summary(diff))
                .append("\n\n");
        SchemaDiffMarkdown.tables(md, diff);
        return md.toString();
    }

    private static void schemaDiff(StringBuilder md, SchemaDiff diff) {
        md.append("<details><summary>Schema diff: ").append(SchemaDiffMarkdown.summary(diff)).append("</summary>\n\n");
        SchemaDiffMarkdown.tables(md, diff);
        md.append("</details>\n\n");
    }

    private static void roundTrips(StringBuilder md, MigrationResult m) {
        if (m.roundTrips().isEmpty()) {
            return;
        }
        md.append("**Round trip of existing rows**\n\n| table | law | rows | failures |\n|---|---|--:|--:|\n");
        for (RoundTripFinding f : m.roundTrips()) {
            md.append("| ").append(f.table()).append(" | `").append(cell(f.law())).append("` | ").append(f.rows())
                    .append(" | ").append(f.failures()).append(" |\n");
        }
        md.append('\n');
        for (RoundTripFinding f : m.roundTrips()) {
            if (f.examples().isEmpty()) {
                continue;
            }
            md.append("First ").append(f.examples().size()).append(" of ").append(f.failures())
                    .append(" rows of ").append(f.table()).append(" that do not round-trip:\n\n")
                    .append("| key | old value | new shape | back again |\n|---|---|---|---|\n");
            for (RoundTripFinding.Example e : f.examples()) {
                md.append("| ").append(cell(e.key())).append(" | ").append(code(e.original())).append(" | ")
                        .append(code(e.newShape())).append(" | ").append(code(e.roundTrip())).append(" |\n");
            }
            md.append('\n');
        }
    }

    private static void lint(StringBuilder md, MigrationResult m) {
        if (m.lint().isEmpty()) {
            return;
        }
        md.append("**Lint**\n\n| line | code | finding | suggested rewrite |\n|--:|---|---|---|\n");
        for (LintFinding f : m.lint()) {
            md.append("| ").append(f.line()).append(" | ").append(f.code()).append(" | ").append(cell(f.message()))
                    .append(" | ").append(f.suggestion().map(MarkdownReport::code).orElse("")).append(" |\n");
        }
        md.append('\n');
    }

    private static void branches(StringBuilder md, MigrationResult m) {
        if (m.branches().isEmpty()) {
            return;
        }
        md.append("<details><summary>").append(m.branches().size()).append(" branches</summary>\n\n")
                .append("| branch | purpose | copied by | copy time |\n|---|---|---|--:|\n");
        for (BranchUse b : m.branches()) {
            md.append("| `").append(b.name()).append("` | ").append(b.purpose()).append(" | ")
                    .append(b.copy().method()).append(" (").append(cell(b.copy().detail())).append(") | ")
                    .append(b.copy().took().toMillis()).append(" ms |\n");
        }
        md.append("\n</details>\n\n");
    }

    private static void timings(StringBuilder md, VerificationReport report) {
        Map<Check, Duration> total = new EnumMap<>(Check.class);
        Map<String, Integer> methods = new TreeMap<>();
        for (MigrationResult m : report.migrations()) {
            m.checks().forEach(c -> total.merge(c.check(), c.took(), Duration::plus));
            m.branches().forEach(b -> methods.merge(b.copy().method().name(), 1, Integer::sum));
        }
        md.append("### Timings\n\n| check | total time |\n|---|--:|\n");
        total.forEach((check, d) -> md.append("| ").append(check.id()).append(" | ").append(Durations.text(d))
                .append(" |\n"));
        md.append("| **all** | **").append(Durations.text(report.took())).append("** |\n\n");
        if (!methods.isEmpty()) {
            md.append("Branches copied by: ");
            md.append(String.join(", ", methods.entrySet().stream().map(e -> e.getKey() + " × " + e.getValue()).toList()));
            md.append("\n");
        }
    }

    private static String symbol(CheckStatus status) {
        return switch (status) {
            case PASSED -> "✅";
            case FAILED -> "❌";
            case NOT_EXERCISED -> "⭕";
            case SKIPPED -> "➖";
            case NOT_RUN -> "⏸";
        };
    }

    /** Text safe inside a table cell. */
    static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }

    /** Inline code safe inside a table cell; long definitions are shortened. */
    static String code(String text) {
        String flat = text.replace("\r", "").replaceAll("\\s*\n\\s*", " ").strip();
        if (flat.length() > 160) {
            flat = flat.substring(0, 157) + "...";
        }
        return flat.isEmpty() ? "" : "`" + flat.replace("|", "\\|").replace("`", "'") + "`";
    }
}
