package dev.graft.generator.postgres;

import dev.graft.generator.Scenario;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;

/**
 * The old and the new application writing at once, each on its own connection, through its own
 * shape of a transition: {@code n} writes each, the i-th write of a writer given by its function
 * of i. Refused writes (a deadlock, a serialization failure) are counted, not thrown.
 */
final class ShapeWriters {

    private ShapeWriters() { }

    /** Writes that succeeded, old writer first. */
    static long[] race(Scenario s, int n, LongFunction<String> oldWrite, LongFunction<String> newWrite) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (LongFunction<String> writer : List.of(oldWrite, newWrite)) {
                done.add(pool.submit(() -> write(s, n, writer)));
            }
            return new long[] {done.get(0).get(), done.get(1).get()};
        } finally {
            pool.shutdownNow();
        }
    }

    private static long write(Scenario s, int n, LongFunction<String> writer) throws SQLException {
        long written = 0;
        try (Connection c = s.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            for (long i = 1; i <= n; i++) {
                try {
                    st.execute(writer.apply(i));
                    written++;
                } catch (SQLException e) {
                    if (!"40P01".equals(e.getSQLState()) && !"40001".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        }
        return written;
    }
}
