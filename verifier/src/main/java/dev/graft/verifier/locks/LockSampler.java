package dev.graft.verifier.locks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples, over a connection of its own, every {@link #EVERY_NANOS}, which sessions of the branch
 * hold which table locks and which wait for whom.
 */
final class LockSampler implements AutoCloseable {

    /** 10 ms between samples. */
    static final long EVERY_NANOS = 10_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(LockSampler.class);
    private static final String QUERY = "SELECT a.pid, a.state, left(a.query, 4000),"
            + " pg_catalog.pg_blocking_pids(a.pid), n.nspname, c.relname, l.mode"
            + " FROM pg_catalog.pg_stat_activity a"
            + " LEFT JOIN pg_catalog.pg_locks l ON l.pid = a.pid AND l.locktype = 'relation' AND l.granted"
            + " LEFT JOIN pg_catalog.pg_class c ON c.oid = l.relation AND c.relkind IN ('r', 'p')"
            + " LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + "  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'"
            + " WHERE a.datname = current_database() AND a.pid <> pg_catalog.pg_backend_pid()"
            + " AND a.backend_type = 'client backend' ORDER BY a.pid";

    private final Connection connection;
    private final List<LockSample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;

    private LockSampler(Connection connection) {
        this.connection = connection;
        this.thread = new Thread(this::loop, "graft-locks-sampler");
        thread.setDaemon(true);
    }

    static LockSampler start(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        LockSampler sampler = new LockSampler(connection);
        sampler.thread.start();
        return sampler;
    }

    /** Stops sampling; returns every sample, oldest first. */
    List<LockSample> stop() {
        stopped = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    private void loop() {
        long next = System.nanoTime();
        try (PreparedStatement query = connection.prepareStatement(QUERY)) {
            while (!stopped) {
                LockSample sample = sample(query);
                synchronized (samples) {
                    samples.add(sample);
                }
                next += EVERY_NANOS;
                long now = System.nanoTime();
                if (next > now) {
                    LockSupport.parkNanos(next - now);
                } else {
                    next = now;
                }
            }
        } catch (SQLException e) {
            LOG.debug("lock sampler stopped: {}", e.getMessage());
        }
    }

    private static LockSample sample(PreparedStatement query) throws SQLException {
        Map<Integer, LockSample.Session> sessions = new LinkedHashMap<>();
        try (ResultSet r = query.executeQuery()) {
            while (r.next()) {
                int pid = r.getInt(1);
                LockSample.Session session = sessions.get(pid);
                if (session == null) {
                    Integer[] blockers = (Integer[]) r.getArray(4).getArray();
                    Set<Integer> blocking = Arrays.stream(blockers).collect(Collectors.toUnmodifiableSet());
                    session = new LockSample.Session(pid, String.valueOf(r.getString(2)), String.valueOf(r.getString(3)),
                            blocking, new ArrayList<>());
                    sessions.put(pid, session);
                }
                if (r.getString(5) != null && r.getString(6) != null) {
                    session.locks().add(new LockSample.TableLock(r.getString(5) + "." + r.getString(6), r.getString(7)));
                }
            }
        }
        return new LockSample(System.nanoTime(), List.copyOf(sessions.values()));
    }

    @Override
    public void close() {
        stopped = true;
        try {
            connection.close();
        } catch (SQLException e) {
            // the branch is deleted next
        }
    }
}
