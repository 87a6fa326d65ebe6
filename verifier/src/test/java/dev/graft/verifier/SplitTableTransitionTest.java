package dev.graft.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.catalog.Catalog;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks 4 to 6 end to end for split_table: {@code customer.street} and {@code city} moved to
 * {@code customer_address}, as the generator renders {@code catalog/} into {@code migrations/}
 * (unedited), and two ways to get it wrong, each {@code migrations/} with one hand edit
 * ({@link HandEdit}).
 */
class SplitTableTransitionTest {

    private static final Path SPLIT = TestEngine.scenario("split_table");
    /** The sync trigger keeps only the first three characters of the city: a lossy copy. */
    private static final Supplier<Path> LOSSY = () -> HandEdit.of(SPLIT.resolve("migrations"), "migrations-lossy",
            "V2__split_customer.sql", "VALUES (NEW.\"id\", NEW.\"street\", NEW.\"city\")",
            "VALUES (NEW.\"id\", NEW.\"street\", left(NEW.\"city\", 3))");
    /** The contract leaves street behind. */
    private static final Supplier<Path> LEFTOVER = () -> HandEdit.of(SPLIT.resolve("migrations"),
            "migrations-leftover", "V3__complete.sql",
            "  ALTER TABLE \"public\".\"customer\" DROP COLUMN IF EXISTS \"street\";\n", "");
    private static final Check[] BROKEN_VARIANT_SKIPS = {Check.PREFIX_REPLAY};
    private static Branch parent;

    @BeforeAll
    static void seed() {
        parent = TestEngine.root("split-table-parent", Seed.flyway("filesystem:" + SPLIT.resolve("seed")));
    }

    @AfterAll
    static void drop() {
        parent.close();
    }

    @AfterEach
    void everyBranchOfTheRunIsGone() {
        TestEngine.assertEveryRunBranchIsGone();
    }

    private static VerificationReport verify(Path migrations, Check... skipped) {
        return Verifier.on(TestEngine.get()).parent(parent.name())
                .config(VerifierConfig.builder().parallelism(2).generatedRows(40).skip(skipped)
                        .reportDirectory(Path.of(System.getProperty("graft.build.dir", "target"), "graft",
                                "split-table-" + migrations.getFileName()))
                        .build())
                .verify(VerifyRequest.builder().location(migrations)
                        .catalog(Catalog.read(SPLIT.resolve("catalog"))).build());
    }

    private static CheckResult check(VerificationReport report, String version, Check check) {
        return report.migrations().stream().filter(m -> m.version().equals(version)).findFirst().orElseThrow()
                .check(check).orElseThrow();
    }

    @Test
    void theGeneratedSplitPassesEveryCheck() {
        VerificationReport report = verify(SPLIT.resolve("migrations"));

        assertThat(report.failures()).isEmpty();
        assertThat(report.passed()).isTrue();
        CheckResult sync = check(report, "2", Check.TRANSITION_SYNC);
        assertThat(sync.status()).isEqualTo(CheckStatus.PASSED);
        // 46 samples per column (NULL, 5 text edge cases, 40 generated), through each table, and a DELETE
        assertThat(sync.summary()).isEqualTo("93 writes through either shape, including NULL, empty, unicode and"
                + " maximum-length values, kept both shapes in sync; all 304 rows the backfill copied between the"
                + " tables agree across both tables (seed 20261124)");
        assertThat(check(report, "2", Check.ABORT).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(report, "2", Check.PREFIX_REPLAY).status()).isEqualTo(CheckStatus.PASSED);
        CheckResult contract = check(report, "3", Check.CONTRACT);
        assertThat(contract.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(contract.summary())
                .isEqualTo("1 completed transition: no old column, table, view, trigger or function remains");
    }

    @Test
    void aLossyCopyFailsOnTheRowsItLoses() {
        VerificationReport report = verify(LOSSY.get(), BROKEN_VARIANT_SKIPS);

        CheckResult sync = check(report, "2", Check.TRANSITION_SYNC);
        assertThat(sync.status()).isEqualTo(CheckStatus.FAILED);
        // every row whose city is longer than three characters, named by its key, and every write of one
        assertThat(sync.summary()).isEqualTo("258 of 304 rows the backfill copied between the tables left the shapes"
                + " out of sync; 39 of 93 writes of whole shapes left the shapes out of sync (seed 20261124)");
        assertThat(sync.details().get(0)).isEqualTo("split_table of customer into customer_address (street, city):"
                + " row id=1: customer holds (\"12 Rue A\",Lyon), customer_address holds (\"12 Rue A\",Lyo)");
        assertThat(sync.details()).contains("... and 248 more rows the backfill copied between the tables out of step");
        assertThat(report.failures()).containsExactly("V2 transition-sync: " + sync.summary());
    }

    @Test
    void aContractThatLeavesStreetBehindFailsTheContractCheck() {
        VerificationReport report = verify(LEFTOVER.get(), BROKEN_VARIANT_SKIPS);

        CheckResult contract = check(report, "3", Check.CONTRACT);
        assertThat(contract.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(contract.details()).containsExactly("column public.customer.street remains");
        assertThat(check(report, "2", Check.TRANSITION_SYNC).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(report.failures()).containsExactly("V3 contract: 1 remains of the old shape");
    }
}
