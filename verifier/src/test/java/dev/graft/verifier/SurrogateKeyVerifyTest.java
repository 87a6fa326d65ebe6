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
 * introduce_surrogate_key verified on a parent of 50 countries keyed by code:
 * {@code scenarios/surrogate/migrations} is the generator's output for its {@code catalog}. The
 * workload inserts rows that do not name the new key while it is numbered; every interrupted
 * prefix of the migration must converge.
 */
class SurrogateKeyVerifyTest {

    private static final Path SURROGATE = TestEngine.scenario("surrogate");
    private static Branch parent;

    @BeforeAll
    static void seed() {
        parent = TestEngine.root("surrogate-parent", Seed.flyway("filesystem:" + SURROGATE.resolve("seed")));
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
    void verifyPassesTheSurrogateKeyAndEveryInterruptedRunConverges() {
        VerificationReport report = Verifier.on(TestEngine.get()).parent(parent.name())
                .config(VerifierConfig.builder().parallelism(2).generatedRows(40).seed(20_261_204L)
                        .lockBudget(java.time.Duration.ofSeconds(2))
                        .reportDirectory(Path.of(System.getProperty("graft.build.dir", "target"), "graft", "surrogate"))
                        .build())
                .verify(VerifyRequest.builder().location(SURROGATE.resolve("migrations"))
                        .catalog(Catalog.read(SURROGATE.resolve("catalog"))).build());

        assertThat(report.failures()).isEmpty();
        MigrationResult key = report.migrations().stream().filter(m -> m.version().equals("2")).findFirst()
                .orElseThrow();
        for (Check check : new Check[] {Check.APPLY, Check.REAPPLY, Check.PREFIX_REPLAY}) {
            assertThat(key.check(check)).as(check.name()).hasValueSatisfying(
                    r -> assertThat(r.status()).isEqualTo(CheckStatus.PASSED));
        }
        assertThat(key.dataEffects().effects()).singleElement().satisfies(e -> {
            assertThat(e.table()).isEqualTo("public.country");
            assertThat(e.column()).isEqualTo("id");
            assertThat(e.rows()).isEqualTo(50);
            assertThat(e.cause()).startsWith("numbered by its identity (introduce_surrogate_key at V2__country_id.yaml:");
        });
    }
}
