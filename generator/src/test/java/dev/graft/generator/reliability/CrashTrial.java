package dev.graft.generator.reliability;

import java.util.List;

/**
 * One trial: what was killed, when, what the run was doing then, and what the re-run left.
 *
 * @param killed         {@code client} or {@code server}
 * @param delayMillis    the random delay after the run reached its kill window
 * @param phase          what the run was doing when it was killed, as the server showed it
 * @param difference     the table after the re-run against the clean run's
 * @param brokenRows     rows breaking the refactorings' mappings after the re-run
 * @param state          failed history entries and stuck states after the re-run
 * @param rerunMillis    how long the re-run took
 */
record CrashTrial(String killed, long delayMillis, String phase, TableState.Difference difference, long brokenRows,
        StuckState state, long rerunMillis) {

    boolean clean() {
        return difference.none() && brokenRows == 0 && state.failedHistory() == 0 && state.stuck().isEmpty();
    }

    List<String> problems() {
        return clean() ? List.of() : List.of(toString());
    }
}
