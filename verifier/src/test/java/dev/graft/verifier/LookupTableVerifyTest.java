package dev.graft.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.catalog.Catalog;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * add_lookup_table verified on a parent of 30 orders with three status codes and some without:
 * {@code scenarios/lookup/migrations} is the generator's output for its {@code catalog}. Generated
 * rows carry codes the lookup table has never seen; its trigger adds them, so nothing is refused.
 */
class LookupTableVerifyTest {

    private static final Path LOOKUP = TestEngine.scenario("lookup");
    private static Branch parent;

    @BeforeAll
    static void seed() {
        parent = TestEngine.root("lookup-parent", Seed.flyway("filesystem:" + LOOKUP.resolve("seed")));
    }

    @AfterAll
    static void drop() {
        parent.close();
    }

    @AfterEach
    void everyBranchOfTheRunIsGone() {
        TestEngine.assertEveryRunBranchIsGone();
    }

    @Test
    void verifyPassesTheLookupTableWithGeneratedRowsOfUnknownCodes() {
        VerificationReport report = Verifier.on(TestEngine.get()).parent(parent.name())
                .config(VerifierConfig.builder().parallelism(2).generatedRows(40).seed(20_261_204L)
                        .lockBudget(java.time.Duration.ofSeconds(2))
                        .reportDirectory(Path.of(System.getProperty("graft.build.dir", "target"), "graft", "lookup"))
                        .build())
                .verify(VerifyRequest.builder().location(LOOKUP.resolve("migrations"))
                        .catalog(Catalog.read(LOOKUP.resolve("catalog"))).build());

        assertThat(report.failures()).isEmpty();
        assertThat(report.passed()).isTrue();
        MigrationResult lookup = report.migrations().stream().filter(m -> m.version().equals("2")).findFirst()
                .orElseThrow();
        for (Check check : new Check[] {Check.APPLY, Check.REAPPLY, Check.PREFIX_REPLAY}) {
            assertThat(lookup.check(check)).as(check.name()).hasValueSatisfying(
                    r -> assertThat(r.status()).isEqualTo(CheckStatus.PASSED));
        }
    }
}
