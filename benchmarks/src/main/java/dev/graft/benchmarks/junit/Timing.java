package dev.graft.benchmarks.junit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered before the Graft extension, so its clock starts before Graft's {@code beforeEach}
 * takes a branch; the test body stops it. The difference is what a test waits for its database.
 */
public final class Timing implements BeforeEachCallback {

    private static final ThreadLocal<Long> STARTED = new ThreadLocal<>();
    static final List<Long> SAMPLES = new CopyOnWriteArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        STARTED.set(System.nanoTime());
    }

    /** Called first thing in a test body: records how long the test waited since its clock started. */
    static void stop() {
        SAMPLES.add(System.nanoTime() - STARTED.get());
    }
}
