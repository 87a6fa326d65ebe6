package dev.graft.branch.testcontainers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class only where a Docker engine answers and has the test image; where it does not,
 * the class is skipped on a developer's machine and FAILS in CI ({@code CI=true}), so CI can never
 * pass by silently skipping the container tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerCondition.class)
@interface RequiresDocker {
}
