package dev.graft.junit;

import java.lang.reflect.AnnotatedElement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JUnit Jupiter extension behind {@link GraftDatabase}; registering the annotation registers
 * it. Before each test it takes a branch of the template (building the template first if this
 * JVM has not yet), injects it, and after the test drops it, or keeps it when the test failed and
 * {@link GraftDatabase#keepOnFailure()} asks so. Thread-safe, for parallel test execution.
 */
public final class GraftExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final Logger LOG = LoggerFactory.getLogger(GraftExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GraftExtension.class);

    /** Starts building the template and filling the pool while JUnit is still setting up the class. */
    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<GraftDatabase> annotation = classAnnotation(context.getRequiredTestClass());
        if (annotation.isEmpty()) {
            return;
        }
        try {
            pool(context, DatabaseSettings.of(annotation.get()));
        } catch (RuntimeException e) {
            // remembered, and reported by every test that needed the template, with its own name on it
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        DatabaseSettings settings = settings(context);
        BranchPool pool = pool(context, settings);
        context.getStore(NAMESPACE).put(TestBranch.class, new TestBranch(pool.take(), pool));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestBranch branch = context.getStore(NAMESPACE).remove(TestBranch.class, TestBranch.class);
        if (branch == null) {
            return;
        }
        boolean keep = context.getExecutionException().isPresent() && settings(context).keepOnFailure();
        branch.finish(keep);
        if (keep) {
            GraftBranch kept = branch.value();
            LOG.warn("kept branch \"{}\" of failed test {} ({}): {} user {}", kept.name(), context.getDisplayName(),
                    context.getRequiredTestClass().getName(), kept.jdbcUrl(), kept.user());
            context.publishReportEntry(Map.of("graft.kept.branch", kept.name(), "graft.kept.url", kept.jdbcUrl()));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DataSource.class || type == Connection.class || type == GraftBranch.class
                || type == String.class && parameter.isAnnotated(GraftUrl.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestBranch branch = context.getStore(NAMESPACE).get(TestBranch.class, TestBranch.class);
        if (branch == null) {
            throw new ParameterResolutionException("@GraftDatabase gives each test method its own branch: inject it "
                    + "into @Test, @BeforeEach or @AfterEach methods, not into " + parameter.getDeclaringExecutable());
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == Connection.class) {
            try {
                return branch.connection();
            } catch (SQLException e) {
                throw new ParameterResolutionException("cannot connect to branch \"" + branch.value().name() + "\": "
                        + e.getMessage(), e);
            }
        }
        if (type == DataSource.class) {
            return branch.dataSource();
        }
        return type == GraftBranch.class ? branch.value() : branch.value().jdbcUrl();
    }

    private static BranchPool pool(ExtensionContext context, DatabaseSettings settings) {
        Class<?> testClass = context.getRequiredTestClass();
        // the one store method JUnit 5.10 through 6 all have (6 deprecates it in favour of computeIfAbsent)
        @SuppressWarnings("deprecation")
        RunPools pools = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RunPools.class, key -> new RunPools(),
                RunPools.class);
        return pools.pool(Engines.forTest(testClass, settings), settings, testClass.getClassLoader());
    }

    /** The method's annotation replaces its class's; nested test classes inherit their outer class's. */
    private static DatabaseSettings settings(ExtensionContext context) {
        Optional<GraftDatabase> annotation = context.getTestMethod().flatMap(m -> find(m));
        if (annotation.isEmpty()) {
            annotation = classAnnotation(context.getRequiredTestClass());
        }
        return annotation.map(DatabaseSettings::of).orElseGet(DatabaseSettings::defaults);
    }

    private static Optional<GraftDatabase> classAnnotation(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            Optional<GraftDatabase> found = find(type);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<GraftDatabase> find(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, GraftDatabase.class);
    }
}
