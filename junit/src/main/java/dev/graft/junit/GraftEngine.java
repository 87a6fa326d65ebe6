package dev.graft.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static field of the test class holding the {@link dev.graft.branch.BranchEngine} (or a
 * {@code Supplier} of one) that branches come from; it takes precedence over
 * {@link GraftDatabase#engine()}. The test class owns that engine and closes it.
 *
 * <pre>{@code
 * @GraftEngine
 * static final BranchEngine ENGINE = ServerEngine.connect(ServerConfig.builder(url).build());
 * }</pre>
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface GraftEngine {
}
