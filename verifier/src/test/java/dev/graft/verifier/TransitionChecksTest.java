package dev.graft.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.catalog.Catalog;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks 4 to 6 with the catalog model: the inventory split of the seed essay, as the generator
 * renders it, and three ways to get it wrong.
 */
class TransitionChecksTest {

    private static final Path INVENTORY = TestEngine.scenario("inventory");
    private static Branch parent;

    @BeforeAll
    static void seed() {
        parent = TestEngine.root("inventory-parent", Seed.flyway("filesystem:" + INVENTORY.resolve("seed")));
    }

    @AfterAll
    static void drop() {
        parent.close();
    }

    private static VerificationReport verify(String catalog, String migrations) {
        return Verifier.on(TestEngine.get()).parent(parent.name())
                .config(VerifierConfig.builder().parallelism(2).generatedRows(40)
                        .reportDirectory(Path.of(System.getProperty("graft.build.dir", "target"), "graft", migrations))
                        .build())
                .verify(VerifyRequest.builder().location(INVENTORY.resolve(migrations))
                        .catalog(Catalog.read(INVENTORY.resolve(catalog))).build());
    }

    private static CheckResult check(VerificationReport report, String version, Check check) {
        return report.migrations().stream().filter(m -> m.version().equals(version)).findFirst().orElseThrow()
                .check(check).orElseThrow();
    }

    @Test
    void theInventorySplitPassesEveryCheck() {
        VerificationReport report = verify("catalog", "migrations");

        assertThat(report.failures()).isEmpty();
        assertThat(report.migrations()).extracting(MigrationResult::version).containsExactly("2", "3");
        CheckResult sync = check(report, "2", Check.TRANSITION_SYNC);
        assertThat(sync.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(sync.summary()).contains("writes through either shape");
        CheckResult roundTrip = check(report, "2", Check.ROUND_TRIP);
        assertThat(roundTrip.summary()).isEqualTo("all 1003 existing rows round-trip");
        assertThat(check(report, "3", Check.CONTRACT).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(report, "3", Check.ROUND_TRIP).status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(check(report, "2", Check.PREFIX_REPLAY).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(report, "2", Check.LINT).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(report, "2", Check.ABORT).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(report.migrations().get(1).check(Check.ABORT)).as("a contract gets no abort check").isEmpty();
    }

    @Test
    void theSeedEssaysOverlappingSerialNumberIsCaughtBeforeAnythingShips() {
        VerificationReport report = verify("catalog-overlap", "migrations-overlap");

        assertThat(report.passed()).isFalse();
        CheckResult roundTrip = check(report, "2", Check.ROUND_TRIP);
        assertThat(roundTrip.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(roundTrip.summary()).isEqualTo("1000 of 1003 existing rows do not round-trip");
        RoundTripFinding finding = report.migrations().get(0).roundTrips().get(0);
        assertThat(finding.law()).isEqualTo("combine(split(inventory_code)) = inventory_code");
        assertThat(finding.examples()).hasSize(10);
        assertThat(finding.examples().get(0)).isEqualTo(new RoundTripFinding.Example("id=1",
                "(WH0001B00001S000000001)", "(WH0001,B00001,1S00000000)", "(WH0001B000011S00000000)"));
    }

    @Test
    void aTriggerThatSyncsOneWayAndAContractThatLeavesItsFunctionBothFail() {
        VerificationReport report = verify("catalog", "migrations-one-way");

        CheckResult sync = check(report, "2", Check.TRANSITION_SYNC);
        assertThat(sync.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(sync.details()).first().asString().startsWith("split_column of inventory.inventory_code: new -> old by");
        assertThat(check(report, "2", Check.ROUND_TRIP).status()).isEqualTo(CheckStatus.PASSED);
        CheckResult contract = check(report, "3", Check.CONTRACT);
        assertThat(contract.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(contract.details()).containsExactly(
                "function public.graft_2_inventory_inventory_code_sync() remains");
    }
}
