package dev.graft.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** A long step says what, how far and for how long, at most every interval; a short one says nothing. */
class LongStepTest {

    /** Maven's console log, keeping what reaches INFO. */
    private static final class Lines extends SystemStreamLog {
        final List<String> info = new CopyOnWriteArrayList<>();

        @Override
        public void info(CharSequence content) {
            info.add(content.toString());
        }
    }

    @Test
    void aLongStepReportsAtMostEveryIntervalAndWhenDone() throws InterruptedException {
        Lines log = new Lines();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        try (LongStep step = new LongStep(log, "applying V1..V9", () -> done.get() + " of 9 applied", Duration.ofMillis(200))) {
            for (int i = 0; i < 5; i++) {
                Thread.sleep(110);
                done.incrementAndGet();
            }
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        List<String> lines = log.info;
        List<String> progress = lines.subList(0, lines.size() - 1);
        assertThat(progress.size()).as("one line per 200 ms of %s ms: %s", elapsedMs, lines)
                .isBetween(2, (int) (elapsedMs / 200));
        assertThat(progress).allMatch(l -> l.matches("graft: applying V1\\.\\.V9: \\d of 9 applied, \\d+ s so far"));
        assertThat(lines.get(lines.size() - 1)).matches("graft: applying V1\\.\\.V9: done, 5 of 9 applied, in \\d+ s");
    }

    @Test
    void aShortStepSaysNothing() {
        Lines log = new Lines();
        try (LongStep step = new LongStep(log, "reading the schema", () -> "", Duration.ofSeconds(5))) {
            assertThat(step).isNotNull();
        }
        assertThat(log.info).isEmpty();
    }
}
