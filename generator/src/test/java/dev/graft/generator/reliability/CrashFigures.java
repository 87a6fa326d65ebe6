package dev.graft.generator.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The figures of a set of crash trials as a Markdown fragment, printed and written under target/. */
final class CrashFigures {

    private CrashFigures() {
    }

    static String markdown(String title, long seed, List<CrashTrial> trials, long suiteMillis) {
        Map<String, List<CrashTrial>> byPhase = new TreeMap<>(trials.stream()
                .collect(Collectors.groupingBy(t -> t.killed() + " | " + t.phase())));
        StringBuilder md = new StringBuilder("### ").append(title).append("\n\n")
                .append("Seed ").append(seed).append(", ").append(trials.size()).append(" trials on a table of ")
                .append(String.format("%,d", CrashCatalog.ROWS)).append(" rows, ")
                .append(String.format("%.1f", suiteMillis / 1000.0)).append(" s.\n\n")
                .append("| killed | doing at the kill | trials | rows lost | divergent rows | extra rows"
                        + " | failed history entries | stuck states | mean re-run ms |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        byPhase.forEach((key, group) -> md.append(row(key, group)));
        md.append(row("**all** | ", trials)).append('\n')
                .append("Kill delays (ms after the run reached its window): ")
                .append(trials.stream().map(t -> Long.toString(t.delayMillis())).collect(Collectors.joining(", ")))
                .append("\n");
        return md.toString();
    }

    private static String row(String key, List<CrashTrial> group) {
        long lost = group.stream().mapToLong(t -> t.difference().lost()).sum();
        long divergent = group.stream().mapToLong(t -> t.difference().divergent() + t.brokenRows()).sum();
        long extra = group.stream().mapToLong(t -> t.difference().extra()).sum();
        long failed = group.stream().mapToLong(t -> t.state().failedHistory()).sum();
        long stuck = group.stream().mapToLong(t -> t.state().stuck().size()).sum();
        long rerun = (long) group.stream().mapToLong(CrashTrial::rerunMillis).average().orElse(0);
        return "| " + key + " | " + group.size() + " | " + lost + " | " + divergent + " | " + extra + " | " + failed
                + " | " + stuck + " | " + rerun + " |\n";
    }

    /** Prints the fragment and writes it to {@code target/<file>}. */
    static void publish(String file, String markdown) throws IOException {
        Path out = Path.of(System.getProperty("graft.build.dir", "target"), file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, markdown);
        System.out.println(markdown);
    }
}
