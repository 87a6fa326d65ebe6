package dev.graft.branch;

import dev.graft.branch.template.Seeder;

/** Loads a {@link Seed} into a branch that exists already, on any engine. */
public final class Seeds {

    private Seeds() {
    }

    /**
     * Runs the seed in the branch, in place. Unlike a seed in {@link BranchSpec}, which a template
     * engine loads before it publishes the branch, a failure here leaves what ran so far: delete
     * the branch on failure.
     */
    public static void apply(Seed seed, Branch branch) {
        Seeder.apply(seed, branch);
    }
}
