package dev.graft.generator.plan;

import dev.graft.catalog.Migration;
import java.util.List;
import java.util.Objects;

/**
 * The plan of one catalog migration: its steps in order. Pure data; renderers write it as a
 * Flyway SQL file, or as a Java migration when a backfill commits in batches.
 *
 * @param migration the catalog migration
 * @param steps     its steps, in order
 */
public record MigrationPlan(Migration migration, List<Step> steps) {

    public MigrationPlan {
        Objects.requireNonNull(migration, "migration == null");
        steps = List.copyOf(steps);
    }

    /** Whether every step can run in one transaction (Flyway's default). */
    public boolean transactional() {
        return steps.stream().allMatch(Step::transactional);
    }

    /** Whether a backfill asks for a Java migration ({@code backfill: {batch_size: N}}). */
    public boolean needsJava() {
        return steps.stream().anyMatch(s -> s instanceof Step.Backfill b && b.ownTransactions());
    }
}
