package dev.graft.verifier.locks;

import java.util.List;
import java.util.Set;

/**
 * What {@code pg_stat_activity}, {@code pg_locks} and {@code pg_blocking_pids} said at one moment
 * about the other sessions of the branch.
 *
 * @param at       when ({@link System#nanoTime()}, taken as the answer arrived)
 * @param sessions every other client session of the database
 */
record LockSample(long at, List<Session> sessions) {

    /**
     * One session.
     *
     * @param pid      its backend
     * @param state    {@code active}, {@code idle in transaction}, ...
     * @param query    its current (or last) statement
     * @param blockers the backends it waits for
     * @param locks    the locks it holds on ordinary user tables
     */
    record Session(int pid, String state, String query, Set<Integer> blockers, List<TableLock> locks) { }

    /**
     * A lock on a table.
     *
     * @param table {@code schema.name}
     * @param mode  {@code AccessExclusiveLock}, ...
     */
    record TableLock(String table, String mode) { }
}
