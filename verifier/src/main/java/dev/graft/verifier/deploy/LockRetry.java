package dev.graft.verifier.deploy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an action again when it fails for {@code lock_timeout} (SQLSTATE 55P03: a lock the migration
 * needs is held by someone else's long transaction), waiting 1 s, 2 s, 4 s ... (at most 30 s) between
 * attempts, until {@code budget} is spent. Graft's files are idempotent, so running one again is safe.
 *
 * @param budget the total time it may wait between attempts
 */
record LockRetry(Duration budget) {

    private static final Logger LOG = LoggerFactory.getLogger("dev.graft.deploy");
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    <T> T run(Supplier<T> action) {
        Duration waited = Duration.ZERO;
        Duration pause = Duration.ofSeconds(1);
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (!isLockTimeout(e) || waited.plus(pause).compareTo(budget) > 0) {
                    throw e;
                }
                LOG.warn("graft: attempt {} hit lock_timeout ({}); retrying in {} s ({} s of the {} s lock budget left)",
                        attempt, firstLine(e), pause.toSeconds(), budget.minus(waited).toSeconds(), budget.toSeconds());
                sleep(pause);
                waited = waited.plus(pause);
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                        : pause.multipliedBy(2);
            }
        }
    }

    static boolean isLockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("SQL State  : " + LOCK_NOT_AVAILABLE)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getMessage().lines().findFirst().orElse("");
            }
        }
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
