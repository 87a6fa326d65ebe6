package dev.graft.verifier.internal;

import dev.graft.branch.Branch;
import dev.graft.verifier.VerifierConfig;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import dev.graft.verifier.snapshot.TableWrites;
import dev.graft.verifier.snapshot.UserTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * What every check of a run shares: the configuration, Flyway, the branch ledger and the pool
 * branches are worked on in.
 *
 * <p>The clean runs are the critical path (each migration starts from the last one's), so the
 * thread that makes them holds one of the {@code parallelism} work permits while migrations are
 * left to start ({@link #reserveForCleanRuns}), and the pool gets the rest; then the pool gets
 * all of them.
 *
 * @param config  the verifier's configuration
 * @param flyway  stock Flyway over the request's locations
 * @param ledger  the branches of this run
 * @param pool    where independent branches are worked on in parallel
 * @param permits how many branches are worked on at once, clean run included
 */
public record RunContext(VerifierConfig config, FlywayRunner flyway, BranchLedger ledger, ExecutorService pool,
        Semaphore permits) {

    public RunContext(VerifierConfig config, FlywayRunner flyway, BranchLedger ledger, ExecutorService pool) {
        this(config, flyway, ledger, pool, new Semaphore(config.parallelism(), true));
    }

    /** Runs work on the pool once a permit is free. */
    public <T> Future<T> submit(Callable<T> work) {
        return pool.submit(() -> withPermit(work));
    }

    /**
     * Waits for {@code future} from work that holds a permit, giving the permit back meanwhile: what
     * it waits for (the clean run) may need that permit.
     */
    public <T> T awaitWithoutPermit(CompletableFuture<T> future) {
        permits.release();
        try {
            return future.join();
        } finally {
            permits.acquireUninterruptibly();
        }
    }

    /** Takes a permit for the thread that applies the clean runs, one after the other. */
    public void reserveForCleanRuns() {
        permits.acquireUninterruptibly();
    }

    /** Gives the clean runs' permit back: no migration is left to start. */
    public void releaseCleanRunReservation() {
        permits.release();
    }

    /** Runs {@code waiting} on the clean runs' thread without its permit: what it waits for may need it. */
    public void withoutPermit(Runnable waiting) {
        permits.release();
        try {
            waiting.run();
        } finally {
            permits.acquireUninterruptibly();
        }
    }

    /** Runs work on this thread once a permit is free. */
    private <T> T withPermit(Callable<T> work) throws Exception {
        permits.acquire();
        try {
            return work.call();
        } finally {
            permits.release();
        }
    }

    /** Something read from a database over one connection. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Connection connection) throws SQLException;
    }

    /** Reads from a branch; the connection is closed again so the branch can be copied. */
    public <T> T read(Branch branch, Reader<T> reader) {
        try (Connection c = branch.connect()) {
            return reader.read(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read branch \"" + branch.name() + "\": " + e.getMessage(), e);
        }
    }

    /** The schema of a branch. */
    public SchemaSnapshot schema(Branch branch) {
        return read(branch, SchemaSnapshot::read);
    }

    /** The file and write count of each table of a branch: what later writes are told apart from. */
    public Map<String, UserTable> marks(Branch branch) {
        return read(branch, TableWrites::marks);
    }

    /** The tables of {@code branch} that may have changed since the marks were taken (see {@link TableWrites}). */
    public Set<String> written(Branch branch, Map<String, UserTable> marks) {
        return read(branch, c -> TableWrites.since(c, marks));
    }
}
