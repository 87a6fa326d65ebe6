package dev.graft.generator;

import dev.graft.catalog.Catalog;
import dev.graft.catalog.Migration;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.Version;
import dev.graft.catalog.refactoring.Complete;
import dev.graft.catalog.refactoring.Refactoring;
import dev.graft.generator.plan.GraftNames;
import dev.graft.generator.plan.MigrationPlan;
import dev.graft.generator.plan.PlanContext;
import dev.graft.generator.plan.Step;
import dev.graft.generator.plan.Transition;
import dev.graft.generator.postgres.AbortSteps;
import dev.graft.generator.postgres.PostgresPlanners;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Plans the migrations of a catalog: each refactoring over the schema just before it. Pure:
 * no connection, no file.
 *
 * <pre>{@code
 * Planner planner = Planner.forCatalog(Catalog.read(Path.of("src/main/graft")), 1000);
 * MigrationPlan plan = planner.plan(catalog.migrations().get(0));
 * }</pre>
 */
public final class Planner {

    private final Catalog catalog;
    private final int batchSize;

    private Planner(Catalog catalog, int batchSize) {
        this.catalog = catalog;
        this.batchSize = batchSize;
    }

    /**
     * A planner over {@code catalog}; backfills without {@code backfill: {batch_size}} walk
     * {@code batchSize} rows per statement inside their migration's transaction.
     */
    public static Planner forCatalog(Catalog catalog, int batchSize) {
        Objects.requireNonNull(catalog, "catalog == null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        return new Planner(catalog, batchSize);
    }

    /**
     * The plan of one catalog migration.
     *
     * @throws IllegalArgumentException for a hand-written SQL migration, which has no plan
     */
    public MigrationPlan plan(Migration migration) {
        if (migration.isSql()) {
            throw new IllegalArgumentException(migration.fileName() + " is hand-written SQL: it has no plan");
        }
        List<Step> steps = new ArrayList<>();
        walk(migration, (refactoring, context) -> steps.addAll(PostgresPlanners.plan(refactoring, context).expand()));
        return new MigrationPlan(migration, steps);
    }

    /**
     * The plan that aborts {@code migration} once expanded and not completed (see {@link AbortSteps}):
     * its refactorings undone in reverse order, every object carrying its comment dropped, its rows
     * of the Flyway history deleted.
     *
     * @throws IllegalArgumentException naming the file when the migration cannot be aborted: it is
     *         hand-written, opens no transition, completes one, or holds a refactoring abort cannot undo
     */
    public MigrationPlan abort(Migration migration) {
        String file = migration.fileName();
        if (migration.isSql()) {
            throw new IllegalArgumentException(file + " is hand-written SQL: abort cannot undo it");
        }
        if (migration.refactorings().stream().anyMatch(Complete.class::isInstance)) {
            throw new IllegalArgumentException(file + " completes a transition: a contract cannot be aborted");
        }
        if (migration.refactorings().stream().noneMatch(Refactoring::isTransition)) {
            throw new IllegalArgumentException(file + " opens no transition: abort undoes expanded transitions only");
        }
        List<List<Step>> undone = new ArrayList<>();
        walk(migration, (refactoring, context) -> {
            try {
                undone.add(0, AbortSteps.undo(refactoring, context));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        });
        List<Step> steps = new ArrayList<>();
        undone.forEach(steps::addAll);
        steps.add(AbortSteps.sweep(new GraftNames(migration).comment()));
        steps.add(AbortSteps.forget(AbortSteps.FLYWAY_HISTORY, migration.version()));
        return new MigrationPlan(migration, steps);
    }

    private interface Visitor {
        void visit(Refactoring refactoring, PlanContext context);
    }

    private void walk(Migration migration, Visitor visitor) {
        SchemaView schema = catalog.schemaBefore(migration);
        for (Refactoring refactoring : migration.refactorings()) {
            visitor.visit(refactoring, context(migration, schema));
            if (refactoring instanceof Complete complete) {
                for (Transition transition : transitions(complete.version())) {
                    schema = schema.complete(transition.refactoring());
                }
            }
            schema = schema.apply(refactoring);
        }
    }

    private PlanContext context(Migration migration, SchemaView schema) {
        return new PlanContext(migration, schema, this::transitions, batchSize);
    }

    /** The transitions opened by {@code version}, each with the context it was planned in. */
    List<Transition> transitions(Version version) {
        List<Transition> transitions = new ArrayList<>();
        catalog.migrations().stream().filter(m -> m.version().equals(version) && !m.isSql()).findFirst()
                .ifPresent(m -> walk(m, (refactoring, context) -> {
                    if (refactoring.isTransition()) {
                        transitions.add(new Transition(refactoring, context));
                    }
                }));
        return transitions;
    }
}
