package dev.graft.benchmarks.online;

import java.util.Locale;

/** Progress lines on the console of a benchmark run (a main program, not library code). */
final class Progress {

    private Progress() {
    }

    static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[online] " + format + "%n", args);
    }

    static void sleep(double seconds) throws InterruptedException {
        Thread.sleep((long) (seconds * 1000));
    }
}
