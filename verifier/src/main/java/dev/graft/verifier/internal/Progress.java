package dev.graft.verifier.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log lines for long work: how many of how many are done, how many failed, the rate, and when the rest
 * should be done at the pace so far. Thread-safe. A line reaches the console (INFO) at most every
 * {@link #EVERY_NANOS} and for the last item, so short work prints one line and long work one every
 * few seconds; every step is at DEBUG.
 */
public final class Progress {

    private static final Logger LOG = LoggerFactory.getLogger("dev.graft.verifier");

    private final String what;
    private final int total;
    private final long started = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong lastLine = new AtomicLong(System.nanoTime());

    static final long EVERY_NANOS = 5_000_000_000L;

    public Progress(String what, int total) {
        this.what = what;
        this.total = total;
    }

    public static void log(String format, Object... arguments) {
        LOG.info(format, arguments);
    }

    /** A step of the work too small for the console: at DEBUG ({@code mvn -X}). */
    public static void detail(String format, Object... arguments) {
        LOG.debug(format, arguments);
    }

    /** Records one finished item and logs the line. */
    public void step(boolean ok) {
        int now = done.incrementAndGet();
        int bad = ok ? failed.get() : failed.incrementAndGet();
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        long etaMs = now == 0 ? 0 : elapsedMs * (total - now) / now;
        long at = System.nanoTime();
        long last = lastLine.get();
        boolean console = now == total || (at - last >= EVERY_NANOS && lastLine.compareAndSet(last, at));
        String format = "{}: {}/{} done, {} failed, {} s elapsed, {}/s, ETA {} s";
        Object[] values = {what, now, total, bad, elapsedMs / 1000,
                String.format(java.util.Locale.ROOT, "%.1f", now * 1000.0 / Math.max(elapsedMs, 1)), (etaMs + 999) / 1000};
        if (console) {
            LOG.info(format, values);
        } else {
            LOG.debug(format, values);
        }
    }
}
