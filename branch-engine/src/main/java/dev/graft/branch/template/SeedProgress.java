package dev.graft.branch.template;

import java.time.Duration;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells how far a long seed is, at INFO and at most every few seconds: statements and megabytes
 * done of the whole and the rate so far, after each chunk (one Flyway migration) of the script.
 */
final class SeedProgress implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(SeedProgress.class);
    private static final double MEGABYTE = 1024 * 1024;

    private final String origin;
    private final SeedScript script;
    private final List<Long> bytesDone;
    private final Duration every;
    private final long start = System.nanoTime();
    private long lastReport = start;
    private boolean reported;

    /**
     * @param bytesDone per chunk, the script's bytes up to and including that chunk
     * @param every the least time between two reports
     */
    SeedProgress(String origin, SeedScript script, List<Long> bytesDone, Duration every) {
        this.origin = origin;
        this.script = script;
        this.bytesDone = List.copyOf(bytesDone);
        this.every = every;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        int chunk = Integer.parseInt(context.getMigrationInfo().getVersion().getVersion()) - 1;
        long now = System.nanoTime();
        boolean last = chunk == script.chunks().size() - 1;
        if (now - lastReport < every.toNanos() && !(last && reported)) {
            return;
        }
        lastReport = now;
        reported = true;
        double seconds = Math.max(now - start, 1) / 1e9;
        LOG.info("seeding from {}: {} of {} statements, {} of {} MB, {} s, {} MB/s", origin,
                script.chunks().get(chunk).statementsDone(), script.statements(),
                String.format("%.1f", bytesDone.get(chunk) / MEGABYTE),
                String.format("%.1f", bytesDone.get(bytesDone.size() - 1) / MEGABYTE), (now - start) / 1_000_000_000,
                String.format("%.1f", bytesDone.get(chunk) / MEGABYTE / seconds));
    }

    @Override
    public String getCallbackName() {
        return "graft-seed-progress";
    }
}
