package dev.graft.branch.testcontainers;

import com.github.dockerjava.api.DockerClient;
import dev.graft.branch.BranchException;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The condition behind {@link RequiresDocker}: enabled, skipped, or (in CI) failed. */
final class DockerCondition implements ExecutionCondition {

    /** The local image .ci/docker-postgres.sh builds; another can be named with -Dgraft.test.image. */
    static final String IMAGE = System.getProperty("graft.test.image",
            Optional.ofNullable(System.getenv("GRAFT_PG_IMAGE")).orElse("graft/postgres:18-local"));

    private static Optional<String> missing;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> problem = missing();
        if (problem.isEmpty()) {
            return ConditionEvaluationResult.enabled("Docker answers and has " + IMAGE);
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and the testcontainers engine's tests must run: " + problem.get()
                    + "; run .ci/docker-postgres.sh before the build");
        }
        return ConditionEvaluationResult.disabled(problem.get() + " (skipped because CI is not set; in CI this fails)");
    }

    private static synchronized Optional<String> missing() {
        if (missing == null) {
            missing = probe();
        }
        return missing;
    }

    // The engine's own checks, so a skip or failure here says what ContainerEngine.start would.
    private static Optional<String> probe() {
        try {
            DockerClient docker = DockerPreflight.requireEngine(ContainerConfig.builder().image(IMAGE).build());
            DockerPreflight.requireImage(docker, IMAGE);
            return Optional.empty();
        } catch (BranchException e) {
            return Optional.of(e.getMessage());
        }
    }
}
