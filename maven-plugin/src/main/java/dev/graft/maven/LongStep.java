package dev.graft.maven;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.maven.plugin.logging.Log;

/**
 * A progress line, at most every few seconds, for a step of a goal that runs in one call (the
 * hand-written migrations applied before a baseline is read, say): what, how far when the step can
 * tell ({@code howFar}, asked on a timer thread, so it must be safe to call from there), and how
 * long so far; and a last line with the time taken when the step took that long. A step shorter
 * than the interval prints nothing.
 */
final class LongStep implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(5);

    private final Log log;
    private final String what;
    private final Supplier<String> howFar;
    private final Duration every;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService timer;

    /** Starts the step's progress lines, every {@link #EVERY}. */
    static LongStep start(Log log, String what, Supplier<String> howFar) {
        return new LongStep(log, what, howFar, EVERY);
    }

    LongStep(Log log, String what, Supplier<String> howFar, Duration every) {
        this.log = log;
        this.what = what;
        this.howFar = howFar;
        this.every = every;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "graft-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::report, every.toNanos(), every.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void report() {
        String far;
        try {
            far = howFar.get();
        } catch (RuntimeException e) {
            far = "";
        }
        log.info("graft: " + what + ": " + (far.isEmpty() ? "" : far + ", ") + seconds() + " s so far");
    }

    private long seconds() {
        return Duration.ofNanos(System.nanoTime() - started).toSeconds();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(every.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (System.nanoTime() - started >= every.toNanos()) {
            String far = howFar.get();
            log.info("graft: " + what + ": done" + (far.isEmpty() ? "" : ", " + far) + ", in " + seconds() + " s");
        }
    }
}
