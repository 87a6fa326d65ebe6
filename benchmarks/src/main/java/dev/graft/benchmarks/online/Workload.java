package dev.graft.benchmarks.online;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;

/**
 * Single-row statements of random keys from several connections, each at a fixed rate (the next
 * statement is due one period after the last one was due, so a blocked writer catches up rather
 * than slowing the offered load), in autocommit, the way an application keeps writing while a
 * migration runs. Each statement's latency is timed from the client, into an HdrHistogram; a second
 * one times it from when it was due, so the statements a blocked writer could not send count too.
 *
 * <pre>{@code
 * Workload w = Workload.start(dataSource, 4, 75, "UPDATE t SET v = ? WHERE id = ?", Workload.updateOfKey(1_000_000));
 * ... run the migration ...
 * LatencySummary during = w.stop();
 * }</pre>
 */
final class Workload {

    /** Sets a statement's parameters for one execution. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement, ThreadLocalRandom random) throws SQLException;
    }

    private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(30);

    private final List<Thread> threads = new ArrayList<>();
    private final List<Histogram> histograms = new ArrayList<>();
    private final List<Histogram> lateness = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong errors = new AtomicLong();
    private final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
    private final long started = System.nanoTime();

    private Workload() {
    }

    /**
     * Starts {@code connections} writers, each running {@code sql} {@code ratePerConnection} times a
     * second (as fast as they go when {@code ratePerConnection <= 0}) with parameters from
     * {@code binder}, until {@link #stop}.
     */
    static Workload start(DataSource dataSource, int connections, double ratePerConnection, String sql,
            Binder binder) throws SQLException {
        Workload workload = new Workload();
        long period = ratePerConnection <= 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / ratePerConnection);
        for (int i = 0; i < connections; i++) {
            Connection connection = dataSource.getConnection();
            Histogram histogram = new Histogram(HIGHEST_NANOS, 3);
            Histogram late = new Histogram(HIGHEST_NANOS, 3);
            workload.histograms.add(histogram);
            workload.lateness.add(late);
            Thread thread = new Thread(() -> workload.write(connection, sql, binder, period, histogram, late),
                    "online-writer-" + i);
            thread.setDaemon(true);
            workload.threads.add(thread);
        }
        workload.threads.forEach(Thread::start);
        return workload;
    }

    /** A binder for {@code UPDATE ... SET <col> = ? WHERE key = ?}: the value from {@code value}, a key in 1..rows. */
    static Binder updateOfKey(long rows, ValueOfKey value) {
        return (statement, random) -> {
            long key = random.nextLong(1, rows + 1);
            statement.setObject(1, value.of(key, random));
            statement.setLong(2, key);
        };
    }

    /** The value a writer sets on a key. */
    @FunctionalInterface
    interface ValueOfKey {
        Object of(long key, ThreadLocalRandom random);
    }

    private void write(Connection connection, String sql, Binder binder, long period, Histogram histogram,
            Histogram late) {
        try (connection; PreparedStatement statement = connection.prepareStatement(sql)) {
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET statement_timeout = '10min'");
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long due = System.nanoTime() + (period > 0 ? random.nextLong(period) : 0);
            while (!stop.get()) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                    continue;
                }
                long scheduled = due;
                due += period;
                binder.bind(statement, random);
                long begin = System.nanoTime();
                try {
                    statement.executeUpdate();
                    long end = System.nanoTime();
                    synchronized (histogram) {
                        histogram.recordValue(Math.min(end - begin, HIGHEST_NANOS));
                        late.recordValue(Math.min(end - scheduled, HIGHEST_NANOS));
                    }
                } catch (SQLException e) {
                    errors.incrementAndGet();
                    if (firstErrors.size() < 5) {
                        firstErrors.add(e.getSQLState() + " " + e.getMessage());
                    }
                }
            }
        } catch (SQLException e) {
            errors.incrementAndGet();
            firstErrors.add("connection: " + e.getMessage());
        }
    }

    /** Stops the writers, waits for each statement in flight, and summarizes what they saw. */
    LatencySummary stop() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(TimeUnit.MINUTES.toMillis(11));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Histogram all = new Histogram(HIGHEST_NANOS, 3);
        Histogram allLate = new Histogram(HIGHEST_NANOS, 3);
        for (int i = 0; i < histograms.size(); i++) {
            synchronized (histograms.get(i)) {
                all.add(histograms.get(i));
                allLate.add(lateness.get(i));
            }
        }
        return new LatencySummary(all.getTotalCount(), errors.get(), seconds, millis(all.getValueAtPercentile(50)),
                millis(all.getValueAtPercentile(99)), millis(all.getMaxValue()),
                millis(allLate.getValueAtPercentile(99)), firstErrors);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
