package dev.graft.generator.plan;

import dev.graft.catalog.refactoring.Refactoring;
import java.util.Objects;

/**
 * A transition opened by an earlier migration, with the context it was planned in, so that a
 * {@code complete} can plan its contract.
 *
 * @param refactoring the transition refactoring
 * @param context     its context (its migration, the schema just before it)
 */
public record Transition(Refactoring refactoring, PlanContext context) {

    public Transition {
        Objects.requireNonNull(refactoring, "refactoring == null");
        Objects.requireNonNull(context, "context == null");
    }
}
