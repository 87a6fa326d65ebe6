package dev.graft.maven;

import dev.graft.verifier.deploy.DeployResult;
import org.apache.maven.plugin.logging.Log;

/** The end of a graft:migrate run: what it did and the target's state now. */
final class TargetStatus {

    private TargetStatus() {
    }

    static void print(Log log, DeployResult result) {
        if (result.applied().isEmpty()) {
            log.info("graft: nothing to apply: the target is up to date");
        } else {
            log.info("graft: applied " + result.applied().size() + " migration(s): V"
                    + String.join(", V", result.applied()));
        }
        result.repaired().forEach(v -> log.warn("graft: V" + v + " was run again after a failed earlier run"));
        result.waiting().ifPresent(w -> log.warn("graft: waiting: " + w));
        log.info("graft: applied on the target: " + (result.appliedVersions().isEmpty() ? "none"
                : "V" + String.join(", V", result.appliedVersions())));
        if (result.openTransitions().isEmpty()) {
            log.info("graft: no open transitions on the target");
        }
        result.openTransitions().forEach(t -> log.warn("graft: open transition on the target: " + t
                + " is expanded, not completed"));
    }
}
