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
 * Checks 4 to 6 end to end for merge_tables: {@code customer_address} merged into {@code customer},
 * as the generator renders {@code catalog/} into {@code migrations/}, on a database where every
 * address has its customer and on one with addresses of customers deleted long ago, which the
 * merge has nowhere to put.
 */
class MergeTablesTransitionTest {

    private static final Path MERGE = TestEngine.scenario("merge_tables");
    private static Branch parent;
    private static Branch orphans;

    @BeforeAll
    static void seed() {
        parent = TestEngine.root("merge-tables-parent", Seed.flyway("filesystem:" + MERGE.resolve("seed")));
        orphans = TestEngine.root("merge-tables-orphans", Seed.flyway("filesystem:" + MERGE.resolve("seed-orphans")));
    }

    @AfterAll
    static void drop() {
        parent.close();
        orphans.close();
    }

    @AfterEach
    void everyBranchOfTheRunIsGone() {
        TestEngine.assertEveryRunBranchIsGone();
    }

    private static VerificationReport verify(Branch on, Check... skipped) {
        return Verifier.on(TestEngine.get()).parent(on.name())
                .config(VerifierConfig.builder().parallelism(2).generatedRows(40).skip(skipped)
                        .reportDirectory(Path.of(System.getProperty("graft.build.dir", "target"), "graft",
                                "merge-tables-" + on.name()))
                        .build())
                .verify(VerifyRequest.builder().location(MERGE.resolve("migrations"))
                        .catalog(Catalog.read(MERGE.resolve("catalog"))).build());
    }

    private static CheckResult check(VerificationReport report, String version, Check check) {
        return report.migrations().stream().filter(m -> m.version().equals(version)).findFirst().orElseThrow()
                .check(check).orElseThrow();
    }

    @Test
    void theGeneratedMergePassesEveryCheck() {
        VerificationReport report = verify(parent);

        assertThat(report.failures()).isEmpty();
        CheckResult sync = check(report, "2", Check.TRANSITION_SYNC);
        assertThat(sync.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(sync.summary()).isEqualTo("93 writes through either shape, including NULL, empty, unicode and"
                + " maximum-length values, kept both shapes in sync; all 304 rows the backfill copied between the"
                + " tables agree across both tables (seed 20261124)");
        assertThat(check(report, "2", Check.ABORT).status()).isEqualTo(CheckStatus.PASSED);
        CheckResult contract = check(report, "3", Check.CONTRACT);
        assertThat(contract.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(contract.summary())
                .isEqualTo("1 completed transition: no old column, table, view, trigger or function remains");
    }

    @Test
    void addressesWithoutACustomerAreNamedAsLost() {
        VerificationReport report = verify(orphans, Check.PREFIX_REPLAY);

        CheckResult sync = check(report, "2", Check.TRANSITION_SYNC);
        assertThat(sync.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(sync.summary()).isEqualTo("2 of 304 rows the backfill copied between the tables left the shapes"
                + " out of sync; all 93 writes of whole shapes kept them in sync (seed 20261124)");
        assertThat(sync.details()).containsExactly(
                "merge_tables of customer_address into customer (street, city): row id=9001 of customer_address"
                        + " (\"Gone Street 1\",Atlantis) has no row in customer: lost",
                "merge_tables of customer_address into customer (street, city): row id=9002 of customer_address"
                        + " (,Thule) has no row in customer: lost");
    }
}
