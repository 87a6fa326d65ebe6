package dev.graft.junit;

import dev.graft.branch.BranchEngine;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One {@link GraftDatabase} annotation, validated once and frozen.
 *
 * @param migrations Flyway locations
 * @param seeds seed script locations, run in this order after the migrations
 * @param keepOnFailure keep the branch of a failed test
 * @param poolSize branches prepared ahead; 0 for none
 * @param engine the supplier class named by the annotation
 */
record DatabaseSettings(List<String> migrations, List<String> seeds, String parent, boolean keepOnFailure, int poolSize,
                        Class<? extends Supplier<? extends BranchEngine>> engine) {

    DatabaseSettings {
        migrations = List.copyOf(migrations);
        seeds = List.copyOf(seeds);
        Objects.requireNonNull(engine, "engine == null");
        Objects.requireNonNull(parent, "parent == null");
        if (poolSize < 0) {
            throw new IllegalArgumentException("@GraftDatabase(pool = " + poolSize + "): the pool size must be 0 or more");
        }
        for (String location : migrations) {
            requireText(location, "migrations");
        }
        for (String location : seeds) {
            requireText(location, "seed");
        }
    }

    static DatabaseSettings of(GraftDatabase annotation) {
        return new DatabaseSettings(List.of(annotation.migrations()), List.of(annotation.seed()), annotation.parent().strip(),
                annotation.keepOnFailure(), annotation.pool(), annotation.engine());
    }

    /** What {@code @ExtendWith(GraftExtension.class)} without {@link GraftDatabase} gets: an empty database. */
    static DatabaseSettings defaults() {
        return new DatabaseSettings(List.of(), List.of(), "", false, 2, DefaultEngine.class);
    }

    private static void requireText(String location, String attribute) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("@GraftDatabase(" + attribute + " = ...) has a blank location");
        }
    }
}
