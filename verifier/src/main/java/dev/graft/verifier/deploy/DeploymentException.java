package dev.graft.verifier.deploy;

import java.util.List;

/**
 * A deployment that stopped before applying anything it should not: a migration without a proof,
 * a target whose schema drifted, a hand-written migration that failed midway. Its message says
 * what to do.
 */
public class DeploymentException extends RuntimeException {

    private final List<String> details;

    public DeploymentException(String message, List<String> details) {
        super(message + (details.isEmpty() ? "" : ":\n  " + String.join("\n  ", details)));
        this.details = List.copyOf(details);
    }

    /** One line per problem (a refused file, a schema difference). */
    public List<String> details() {
        return details;
    }
}
