package dev.graft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchInfo;
import dev.graft.branch.BranchSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Branches come from any engine: a static @GraftEngine field, or the annotation's supplier class. */
class EngineChoiceTest {

    /** An engine that counts the branches it is asked for, passing everything on to the embedded one. */
    static final class CountingEngine implements BranchEngine {
        final AtomicInteger creates = new AtomicInteger();

        @Override
        public String kind() {
            return "counting";
        }

        @Override
        public Branch create(BranchSpec spec) {
            creates.incrementAndGet();
            return Samples.engine().create(spec);
        }

        @Override
        public Optional<Branch> get(String name) {
            return Samples.engine().get(name);
        }

        @Override
        public List<BranchInfo> list() {
            return Samples.engine().list();
        }

        @Override
        public Branch reset(String name) {
            return Samples.engine().reset(name);
        }

        @Override
        public boolean delete(String name) {
            return Samples.engine().delete(name);
        }

        @Override
        public void close() {
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
