package dev.graft.benchmarks.lint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The Markdown page of a lint-vs-squawk run: caught and false alarms per hazard class, then every file. */
final class LintVsSquawkPage {

    /** One corpus file: its hazard class, and what each tool reported ({@code hazard:code} for Graft, rule names for squawk). */
    record Row(String hazard, String name, boolean bad, List<String> plain, List<String> withSchema, List<String> squawk,
            List<String> squawkOutside) {

        boolean graftCatches(List<String> findings) {
            return findings.stream().anyMatch(f -> f.startsWith(hazard + ":"));
        }

        boolean squawkCatches(List<String> rules) {
            return rules.stream().anyMatch(r -> hazard.equals(SquawkRun.CLASSES.get(r)));
        }
    }

    private LintVsSquawkPage() {
    }

    static String render(List<Row> rows, String squawkVersion, String date) {
        Map<String, List<Row>> byHazard = new LinkedHashMap<>();
        rows.forEach(r -> byHazard.computeIfAbsent(r.hazard(), h -> new java.util.ArrayList<>()).add(r));
        StringBuilder md = new StringBuilder("# Graft lint vs squawk\n\n")
                .append("`LintVsSquawk`, ").append(date).append(", ").append(squawkVersion).append(", on the ")
                .append(rows.size()).append(" files of `benchmarks/src/main/resources/lint-corpus/` (bad and good")
                .append(" migrations after the rule documentation of squawk and strong_migrations, plus non-idempotent")
                .append(" statements). A bad file is **caught** when a tool reports a finding of the file's hazard class;")
                .append(" a good file is a **false alarm** when a tool reports anything at all. Graft runs with its style")
                .append(" rules included (squawk's are on by default), once without a schema and once against the corpus")
                .append(" schema read as the catalog's schema view (as `graft:lint` does); squawk runs with")
                .append(" `--assume-in-transaction` unless the file's `.sql.conf` says `executeInTransaction=false`, and")
                .append(" with its opt-in `prefer-robust-stmts` (idempotency) included; squawk skips that rule inside a")
                .append(" transaction, so the last column runs squawk again without `--assume-in-transaction`. Every file")
                .append(" sets `lock_timeout` and `statement_timeout` first, except the one about them.\n\n")
                .append("| hazard | bad | caught: Graft | Graft + schema | squawk | squawk, no tx | good")
                .append(" | false alarms: Graft | Graft + schema | squawk | squawk, no tx |\n")
                .append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        byHazard.forEach((hazard, list) -> line(md, hazard, list));
        line(md, "**all**", rows);
        md.append("\n## Every file\n\n| file | Graft | Graft + schema | squawk | squawk, no tx |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.hazard()).append('/').append(r.name()).append(" | ")
                    .append(cell(r, r.plain(), r.bad() ? r.graftCatches(r.plain()) : r.plain().isEmpty())).append(" | ")
                    .append(cell(r, r.withSchema(), r.bad() ? r.graftCatches(r.withSchema()) : r.withSchema().isEmpty()))
                    .append(" | ").append(cell(r, r.squawk(), r.bad() ? r.squawkCatches(r.squawk()) : r.squawk().isEmpty()))
                    .append(" | ").append(cell(r, r.squawkOutside(), r.bad() ? r.squawkCatches(r.squawkOutside())
                            : r.squawkOutside().isEmpty())).append(" |\n");
        }
        return md.append("\n✓: caught (bad) or quiet (good); ✗: missed (bad) or a false alarm (good).\n\n")
                .append("## Reading it\n\n")
                .append("- The corpus was written with Graft's rules: its bad cases start from the examples of squawk's and")
                .append(" strong_migrations' rule pages, its good cases are the safe idioms those pages recommend, so it")
                .append(" measures coverage of those documented hazards, not of migrations in the wild.\n")
                .append("- squawk has no schema: it cannot know that a table is created by the same file, that a type")
                .append(" change keeps the stored bytes, or that a validated `CHECK (c IS NOT NULL)` makes `SET NOT NULL`")
                .append(" cheap; the Graft-without-schema column shows what the schema is worth.\n")
                .append("- squawk skips `prefer-robust-stmts` inside a transaction (a failed transactional migration rolls")
                .append(" back); Graft reports idempotency everywhere, because Flyway repair, a re-applied baseline and the")
                .append(" verifier's reapply check run a migration twice.\n\n")
                .append("## Rerun\n\n```\ncd /tmp && npm install squawk-cli   # squawk 2.66; or -Dgraft.lint.squawk=/path/to/squawk\n")
                .append("mvn -B -q -DskipTests -Pbenchmark -pl benchmarks -am verify \\\n")
                .append("    -Dbenchmark.main=dev.graft.benchmarks.lint.LintVsSquawk\n```\n\n")
                .append("It rewrites `benchmarks/results/lint-vs-squawk.md`.\n").toString();
    }

    private static void line(StringBuilder md, String hazard, List<Row> rows) {
        List<Row> bad = rows.stream().filter(Row::bad).toList();
        List<Row> good = rows.stream().filter(r -> !r.bad()).toList();
        md.append("| ").append(hazard).append(" | ").append(bad.size()).append(" | ")
                .append(count(bad, r -> r.graftCatches(r.plain()))).append(" | ")
                .append(count(bad, r -> r.graftCatches(r.withSchema()))).append(" | ")
                .append(count(bad, r -> r.squawkCatches(r.squawk()))).append(" | ")
                .append(count(bad, r -> r.squawkCatches(r.squawkOutside()))).append(" | ").append(good.size()).append(" | ")
                .append(count(good, r -> !r.plain().isEmpty())).append(" | ")
                .append(count(good, r -> !r.withSchema().isEmpty())).append(" | ")
                .append(count(good, r -> !r.squawk().isEmpty())).append(" | ")
                .append(count(good, r -> !r.squawkOutside().isEmpty())).append(" |\n");
    }

    private static long count(List<Row> rows, Function<Row, Boolean> test) {
        return rows.stream().filter(test::apply).count();
    }

    private static String cell(Row row, List<String> findings, boolean right) {
        return (right ? "✓ " : "✗ ") + (findings.isEmpty() ? "—" : String.join(", ", findings));
    }
}
