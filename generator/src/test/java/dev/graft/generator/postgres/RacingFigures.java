package dev.graft.generator.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The figures of {@link ConcurrentBackfillTest} as a Markdown fragment, printed and written under target/. */
final class RacingFigures {

    /**
     * One transition raced.
     *
     * @param transition    the refactoring
     * @param millis        how long the writers raced the migration
     * @param rows          rows in the table before
     * @param oldWrites     writes through the old shape that succeeded
     * @param newWrites     writes through the new shape that succeeded
     * @param beforeShape   new-shape writes refused because the new shape did not exist yet
     * @param deadlocks     deadlocks, between writers or with the backfill
     * @param conflicts     writes the trigger refused as conflicting
     * @param serialization serialization failures
     * @param divergent     rows out of step afterwards
     */
    record Race(String transition, long millis, long rows, long oldWrites, long newWrites, long beforeShape,
            long deadlocks, long conflicts, long serialization, long divergent) {
    }

    private RacingFigures() {
    }

    static String markdown(List<Race> races) {
        StringBuilder md = new StringBuilder("| transition | ms raced | rows | old-shape writes | new-shape writes"
                + " | refused before the new shape existed | deadlocks | conflicts | serialization failures"
                + " | divergent rows |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        long[] total = new long[8];
        for (Race r : races) {
            long[] values = {r.millis(), r.oldWrites(), r.newWrites(), r.beforeShape(), r.deadlocks(), r.conflicts(),
                r.serialization(), r.divergent()};
            md.append(String.format("| %s | %d | %,d | %,d | %,d | %,d | %d | %d | %d | %d |%n", r.transition(), values[0],
                    r.rows(), values[1], values[2], values[3], values[4], values[5], values[6], values[7]));
            for (int i = 0; i < total.length; i++) {
                total[i] += values[i];
            }
        }
        md.append(String.format("| **all** | %d | | %,d | %,d | %,d | %d | %d | %d | %d |%n", total[0], total[1], total[2],
                total[3], total[4], total[5], total[6], total[7]));
        return md.toString();
    }

    static void publish(List<Race> races) throws IOException {
        String md = markdown(races);
        Path out = Path.of(System.getProperty("graft.build.dir", "target"), "reliability-racing.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println(md);
    }
}
