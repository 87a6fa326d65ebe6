package dev.graft.verifier.internal;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log lines for long work: how many of how many are done, how many failed, and when the rest
 * should be done at the pace so far. Thread-safe.
 */
public final class Progress {

    private static final Logger LOG = LoggerFactory.getLogger("dev.graft.verifier");

    private final String what;
    private final int total;
    private final long started = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    public Progress(String what, int total) {
        this.what = what;
        this.total = total;
    }

    public static void log(String format, Object... arguments) {
        LOG.info(format, arguments);
    }

    /** Records one finished item and logs the line. */
    public void step(boolean ok) {
        int now = done.incrementAndGet();
        int bad = ok ? failed.get() : failed.incrementAndGet();
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        long etaMs = now == 0 ? 0 : elapsedMs * (total - now) / now;
        LOG.info("{}: {}/{} done, {} failed, {} s elapsed, ETA {} s", what, now, total, bad,
                elapsedMs / 1000, (etaMs + 999) / 1000);
    }
}
