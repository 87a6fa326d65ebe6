package dev.graft.generator.render;

import dev.graft.catalog.Migration;
import dev.graft.generator.plan.MigrationPlan;
import dev.graft.generator.plan.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan as a Flyway SQL migration: header, {@code SET lock_timeout}, one statement per step
 * (each idempotent), {@code RESET lock_timeout}. Runs with stock Flyway and with {@code psql -f},
 * any number of times.
 */
public final class SqlFileRenderer {

    private SqlFileRenderer() { }

    /** The file text. */
    public static String render(MigrationPlan plan, Duration lockTimeout, String generatorVersion) {
        Migration m = plan.migration();
        StringBuilder body = new StringBuilder();
        m.description().ifPresent(d -> body.append("-- ").append(d.replace('\n', ' ')).append("\n"));
        body.append("\n").append(lockTimeout(lockTimeout)).append("\n");
        for (String statement : statements(plan)) {
            body.append("\n").append(statement).append("\n");
        }
        body.append("\nRESET lock_timeout;\n");
        return Header.file("--", m.fileName(), m.checksum(), generatorVersion, body.toString());
    }

    /** {@code SET lock_timeout = '5s';}. */
    public static String lockTimeout(Duration timeout) {
        long millis = timeout.toMillis();
        return "SET lock_timeout = '" + (millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms") + "';";
    }

    /** Every statement of the plan, in order. */
    public static List<String> statements(MigrationPlan plan) {
        List<String> statements = new ArrayList<>();
        for (Step step : plan.steps()) {
            statements.addAll(StepSql.statements(step));
        }
        return statements;
    }

    /**
     * The Flyway script configuration ({@code V<version>__<slug>.sql.conf}) of a migration that
     * cannot run in a transaction: it creates an index concurrently, or backfills with a commit
     * after each batch.
     */
    public static String scriptConfig(MigrationPlan plan, String generatorVersion) {
        Migration m = plan.migration();
        return Header.file("#", m.fileName(), m.checksum(), generatorVersion, "executeInTransaction=false\n");
    }
}
