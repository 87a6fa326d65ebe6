package dev.graft.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.catalog.Catalog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The abort check on the inventory example as committed: every transition it opens (the split of V2,
 * the rename of V7, the type change of V8, the drop with a down of V10) is aborted and expanded again; no other migration gets the check.
 */
class AbortExampleTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "inventory", "src", "main").toAbsolutePath();

    @Test
    void everyTransitionOfTheInventoryExampleAbortsAndExpandsAgain() {
        try (Branch parent = TestEngine.root("abort-example-parent", Seed.none())) {
            VerificationReport report = Verifier.on(TestEngine.get()).parent(parent.name())
                    .config(VerifierConfig.builder().parallelism(2).lockBudget(java.time.Duration.ofSeconds(2)) // about abort, not locks
                            .skip(Check.REAPPLY, Check.PREFIX_REPLAY,
                            Check.TRANSITION_SYNC, Check.ROUND_TRIP, Check.LINT).build())
                    .verify(VerifyRequest.builder().location(EXAMPLE.resolve("resources/db/migration"))
                            .catalog(Catalog.read(EXAMPLE.resolve("graft"))).build());
            assertThat(report.failures()).isEmpty();
            for (MigrationResult m : report.migrations()) {
                boolean transition = m.version().equals("2") || m.version().equals("7") || m.version().equals("8")
                        || m.version().equals("10");
                if (transition) {
                    assertThat(m.check(Check.ABORT)).as("V" + m.version()).get()
                            .extracting(CheckResult::status).isEqualTo(CheckStatus.PASSED);
                } else {
                    assertThat(m.check(Check.ABORT)).as("V" + m.version()).isEmpty();
                }
            }
            assertThat(report.migrations()).extracting(MigrationResult::version).contains("2", "7", "8", "10");
        }
    }
}
