package dev.graft.verifier.locks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * The old application, simulated: several connections, each its own thread, reading rows by key
 * and updating (or inserting) single rows through the old shape at a steady total rate, every
 * statement in autocommit and timed. A statement kept waiting delays that connection's next one;
 * the schedule does not burst to catch up.
 */
final class Workload implements AutoCloseable {

    private final List<WorkloadTable> tables;
    private final LockWorkload settings;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();
    private final List<Integer> pids = new ArrayList<>();
    private final List<WorkloadStatement> ran = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stopped;

    private Workload(List<WorkloadTable> tables, LockWorkload settings) {
        this.tables = List.copyOf(tables);
        this.settings = settings;
    }

    /** Opens the connections and starts the workload against {@code tables}. */
    static Workload start(DataSource dataSource, List<WorkloadTable> tables, LockWorkload settings, long seed)
            throws SQLException {
        Workload workload = new Workload(tables, settings);
        try {
            for (int i = 0; i < settings.connections(); i++) {
                Connection c = dataSource.getConnection();
                workload.connections.add(c);
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    // An application gives up at some point; a workload that waited forever would hold the check.
                    s.execute("SET statement_timeout = '60s'");
                    s.execute("SET application_name = 'graft-locks-workload'");
                    try (ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
                        r.next();
                        workload.pids.add(r.getInt(1));
                    }
                }
            }
        } catch (SQLException e) {
            workload.close();
            throw e;
        }
        long interval = 1_000_000_000L * settings.connections() / settings.rate();
        for (int i = 0; i < settings.connections(); i++) {
            int n = i;
            Thread thread = new Thread(() -> workload.loop(workload.connections.get(n), workload.pids.get(n), interval,
                    new SplittableRandom(seed + n)), "graft-locks-workload-" + n);
            thread.setDaemon(true);
            workload.threads.add(thread);
            thread.start();
        }
        return workload;
    }

    /** The backends of the workload's connections. */
    List<Integer> pids() {
        return List.copyOf(pids);
    }

    /** Stops the workload once every statement in flight has answered; returns every statement it ran. */
    List<WorkloadStatement> stop() {
        stopped = true;
        for (Thread thread : threads) {
            try {
                thread.join(70_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (ran) {
            return List.copyOf(ran);
        }
    }

    private void loop(Connection connection, int pid, long interval, SplittableRandom random) {
        long next = System.nanoTime() + random.nextLong(interval);
        while (!stopped) {
            long now = System.nanoTime();
            if (next > now) {
                LockSupport.parkNanos(next - now);
                continue;
            }
            WorkloadTable table = tables.get(random.nextInt(tables.size()));
            ran.add(one(connection, pid, table, random));
            next = Math.max(next + interval, System.nanoTime() - interval);
        }
    }

    /** Half reads, the rest single-row updates (and inserts, where the table fills its own key). */
    private static WorkloadStatement one(Connection connection, int pid, WorkloadTable table, SplittableRandom random) {
        List<String> row = table.rows().get(random.nextInt(table.rows().size()));
        int keys = table.key().size();
        int pick = random.nextInt(10);
        String kind;
        String sql;
        List<String> values = new ArrayList<>();
        if (pick < 5 || table.writable().isEmpty()) {
            kind = "read";
            sql = table.readSql();
            values.addAll(row.subList(0, keys));
        } else if (pick == 9 && !table.insertable().isEmpty()) {
            kind = "insert";
            sql = table.insertSql();
            values.addAll(row.subList(keys, row.size()));
        } else {
            kind = "update";
            int column = random.nextInt(table.writable().size());
            sql = table.updateSql(table.writable().get(column));
            values.add(row.get(keys + column));
            values.addAll(row.subList(0, keys));
        }
        long start = System.nanoTime();
        Optional<String> error = Optional.empty();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                // Untyped, as text: the server reads it as the column's type, whichever that is now.
                s.setObject(i + 1, values.get(i), Types.OTHER);
            }
            s.execute();
        } catch (SQLException e) {
            error = Optional.of(String.valueOf(e.getMessage()).strip().lines().findFirst().orElse(""));
        }
        return new WorkloadStatement(pid, table.qualifiedName(), kind, start, System.nanoTime(), error);
    }

    @Override
    public void close() {
        stopped = true;
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing a connection of a branch about to be deleted: nothing to keep
            }
        }
    }
}
