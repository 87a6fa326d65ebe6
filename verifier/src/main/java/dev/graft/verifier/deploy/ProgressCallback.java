package dev.graft.verifier.deploy;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.callback.Warning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deployment's progress: each migration as it starts and ends, and every NOTICE the server sends
 * while a statement runs (a backfill reports its batches this way).
 */
final class ProgressCallback implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger("dev.graft.deploy");

    private long started;

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
                || event == Event.AFTER_EACH_MIGRATE_STATEMENT || event == Event.AFTER_EACH_MIGRATE_ERROR;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        String version = context.getMigrationInfo() == null ? "?" : "V" + context.getMigrationInfo().getVersion();
        switch (event) {
            case BEFORE_EACH_MIGRATE -> {
                started = System.nanoTime();
                LOG.info("graft: applying {} ({})", version, context.getMigrationInfo().getScript());
            }
            case AFTER_EACH_MIGRATE -> LOG.info("graft: applied {} in {} ms", version,
                    (System.nanoTime() - started) / 1_000_000);
            case AFTER_EACH_MIGRATE_ERROR -> LOG.warn("graft: {} failed", version);
            default -> {
                if (context.getStatement() != null) {
                    for (Warning warning : context.getStatement().getWarnings()) {
                        LOG.info("graft: {}: {}", version, warning.getMessage());
                    }
                }
            }
        }
    }

    @Override
    public String getCallbackName() {
        return "graft-deploy-progress";
    }
}
