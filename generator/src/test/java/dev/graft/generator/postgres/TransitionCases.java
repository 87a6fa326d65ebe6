package dev.graft.generator.postgres;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The shared-mechanism cases, for tests outside this package. */
public final class TransitionCases {

    private TransitionCases() { }

    /** Every trigger-based transition but split_column (the inventory example's own golden files): name, scenario. */
    public static Stream<Arguments> others() {
        return TransitionCase.ALL.stream().filter(c -> c != TransitionCase.SPLIT).map(c -> {
            try {
                return Arguments.of(c.name(), c.scenario("golden", 20));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
