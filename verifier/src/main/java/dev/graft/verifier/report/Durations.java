package dev.graft.verifier.report;

import java.time.Duration;
import java.util.Locale;

/** Durations as reports show them: {@code 0.42 s}, {@code 12.3 s}, {@code 2 min 5 s}. */
final class Durations {

    private Durations() {
    }

    static String text(Duration d) {
        long ms = d.toMillis();
        if (ms < 10_000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
        }
        if (ms < 120_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return (ms / 60_000) + " min " + (ms % 60_000) / 1000 + " s";
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }
}
