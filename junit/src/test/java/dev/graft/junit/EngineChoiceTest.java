package dev.graft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchSpec;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Branches come from any engine: a static @GraftEngine field, or the annotation's supplier class. */
class EngineChoiceTest {

    /** An engine that counts the branches it is asked for, passing everything on to the embedded one. */
    static final class CountingEngine extends DelegatingEngine {
        final AtomicInteger creates = new AtomicInteger();

        CountingEngine() {
            super("counting");
        }

        @Override
        public Branch create(BranchSpec spec) {
            creates.incrementAndGet();
            return super.create(spec);
        }
    }

    /** Supplies one counting engine, remembered so that the test can look at it. */
    public static final class CountingSupplier implements Supplier<BranchEngine> {
        static final CountingEngine ENGINE = new CountingEngine();

        @Override
        public BranchEngine get() {
            return ENGINE;
        }
    }

    @GraftDatabase(migrations = "classpath:db/migration", pool = 0)
    static class WithField {
        @GraftEngine
        static final CountingEngine ENGINE = new CountingEngine();

        @Test
        void usesIt(GraftBranch branch) {
        }
    }

    @GraftDatabase(migrations = "classpath:db/migration", pool = 0, engine = CountingSupplier.class)
    static class WithSupplier {
        @Test
        void usesIt(GraftBranch branch) {
        }
    }

    @Test
    void aStaticGraftEngineFieldIsUsed() {
        Samples.run(WithField.class).testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(WithField.ENGINE.creates.get()).isPositive();
    }

    @Test
    void theAnnotationsSupplierClassIsUsed() {
        Samples.run(WithSupplier.class).testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(CountingSupplier.ENGINE.creates.get()).isPositive();
    }
}
