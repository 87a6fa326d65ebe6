package dev.graft.branch;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's log for the Flyway runs Graft makes itself (seeds, replays, status): every line goes to
 * SLF4J at DEBUG under Flyway's own logger names, so a build's console shows Graft's results, not
 * hundreds of "Migrating schema" and "already exists, skipping" lines, and {@code mvn -X} still
 * shows all of them. Failures are not lost: Flyway throws them, and Graft reports what it throws.
 *
 * <pre>{@code
 * Flyway.configure().loggers(FlywayLogging.LOGGERS).dataSource(dataSource).load().migrate();
 * }</pre>
 */
public final class FlywayLogging implements LogCreator {

    /** The value for {@code FluentConfiguration.loggers(...)}: Flyway instantiates this class by name. */
    public static final String LOGGERS = FlywayLogging.class.getName();

    /** Flyway's reflective constructor. */
    public FlywayLogging() {
    }

    @Override
    public Log createLogger(Class<?> source) {
        Logger logger = LoggerFactory.getLogger(source);
        return new Log() {
            @Override
            public boolean isDebugEnabled() {
                return logger.isDebugEnabled();
            }

            @Override
            public void debug(String message) {
                logger.debug(message);
            }

            @Override
            public void info(String message) {
                logger.debug(message);
            }

            @Override
            public void warn(String message) {
                logger.debug(message);
            }

            @Override
            public void error(String message) {
                logger.debug(message);
            }

            @Override
            public void error(String message, Exception e) {
                logger.debug(message, e);
            }

            @Override
            public void notice(String message) {
                logger.debug(message);
            }
        };
    }
}
