package dev.graft.verifier.deploy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a deployment did and the state it left the target in.
 *
 * @param applied         the versions it applied, in order (empty: the target was up to date)
 * @param repaired        the versions whose failed history row it removed before running them again
 * @param waiting         why it stopped before a pending {@code complete} migration, and how to go on
 * @param appliedVersions every version applied on the target now, in order
 * @param openTransitions transitions expanded on the target and not completed there, as {@code V2 split_inventory_code}
 */
public record DeployResult(List<String> applied, List<String> repaired, Optional<String> waiting,
        List<String> appliedVersions, List<String> openTransitions) {

    public DeployResult {
        applied = List.copyOf(applied);
        repaired = List.copyOf(repaired);
        Objects.requireNonNull(waiting, "waiting == null");
        appliedVersions = List.copyOf(appliedVersions);
        openTransitions = List.copyOf(openTransitions);
    }
}
