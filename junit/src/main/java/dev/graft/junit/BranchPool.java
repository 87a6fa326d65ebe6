package dev.graft.junit;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchException;
import dev.graft.branch.BranchSpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Branches of one template, made ahead of the tests that take them. One background thread keeps
 * {@code size} branches ready; a test that finds none ready makes its own at once rather than
 * queue behind the pool. Finished branches are dropped by a second thread, off the tests' path.
 * The pool exists only once its template is complete, so its copies never race the build.
 */
final class BranchPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BranchPool.class);
    /** After this many failures in a row the pool stops, and tests see the engine's error themselves. */
    private static final int GIVE_UP_AFTER = 3;
    private static final long CLOSE_WAIT_SECONDS = 120;

    private final BranchEngine engine;
    private final String template;
    private final String namePrefix;
    private final int size;
    private final BlockingQueue<Branch> ready = new LinkedBlockingQueue<>();
    /** Ready branches plus those being made. */
    private final AtomicInteger planned = new AtomicInteger();
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private final ExecutorService maker;
    private final ExecutorService dropper;
    private volatile boolean closed;

    BranchPool(BranchEngine engine, String template, String contentHash, int size) {
        this.engine = engine;
        this.template = template;
        this.namePrefix = "graft_b_" + contentHash.substring(0, 8) + "_";
        this.size = size;
        this.maker = Executors.newSingleThreadExecutor(daemon("graft-pool-" + template));
        this.dropper = Executors.newSingleThreadExecutor(daemon("graft-drop-" + template));
        Templates.retain(template);
        refill();
    }

    String template() {
        return template;
    }

    /** A branch of the template for one test: a ready one, or a new one made now. */
    Branch take() {
        Branch branch = ready.poll();
        if (branch != null) {
            planned.decrementAndGet();
        }
        refill();
        return branch != null ? branch : create();
    }

    /** Drops a finished branch in the background. */
    void release(Branch branch) {
        try {
            dropper.execute(() -> drop(branch));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            drop(branch);
        }
    }

    private void refill() {
        while (!closed && failuresInARow.get() < GIVE_UP_AFTER) {
            int now = planned.get();
            if (now >= size) {
                return;
            }
            if (planned.compareAndSet(now, now + 1)) {
                maker.execute(this::makeOne);
            }
        }
    }

    private void makeOne() {
        if (closed) {
            planned.decrementAndGet();
            return;
        }
        try {
            Branch branch = create();
            failuresInARow.set(0);
            ready.add(branch);
            if (closed && ready.remove(branch)) {
                drop(branch);
            }
        } catch (RuntimeException e) {
            planned.decrementAndGet();
            if (failuresInARow.incrementAndGet() == GIVE_UP_AFTER) {
                LOG.warn("the pool of template \"{}\" stops after {} failures in a row: {}", template, GIVE_UP_AFTER,
                        e.getMessage());
            }
        }
    }

    private Branch create() {
        String name = namePrefix + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try {
            return engine.create(BranchSpec.of(name).parent(template).build());
        } catch (BranchException e) {
            throw new GraftDatabaseException("cannot branch template \"" + template + "\" on the " + engine.kind()
                    + " engine: " + e.getMessage(), e);
        }
    }

    private static void drop(Branch branch) {
        try {
            branch.close();
        } catch (RuntimeException e) {
            LOG.warn("could not drop branch \"{}\": {}", branch.name(), e.getMessage());
        }
    }

    /** Stops making branches, drops the ready ones and waits for every drop to finish. */
    @Override
    public void close() {
        closed = true;
        maker.shutdown();
        await(maker);
        List<Branch> left = new ArrayList<>();
        ready.drainTo(left);
        left.forEach(branch -> dropper.execute(() -> drop(branch)));
        dropper.shutdown();
        await(dropper);
        Templates.release(template);
    }

    private static void await(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("branch pool work still running after {} s", CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            // a pool must never keep a JVM alive that is done with its tests
            thread.setDaemon(true);
            return thread;
        };
    }
}
