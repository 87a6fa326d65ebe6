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
 * Issue #25: a write of part of the new shape on a row the backfill has not reached yet. The split
 * trigger that derives inventory_code from the new shape alone makes it
 * {@code 'RTM010' || NULL || NULL} = NULL, and the backfill then derives NULLs from it: the row's
 * value is lost while every comparison sees NULL = NULL. {@code inventory/migrations/} takes the
 * columns not written from the old shape on such a row; {@link #losing()} is it with that one hand
 * edit undone, the trigger as it was.
 */
class BackfillRaceTest {

    private static final Path INVENTORY = TestEngine.scenario("inventory");
    private static final String TITLE = "split_column of inventory.inventory_code";
    private static Branch parent;

    @BeforeAll
    static void seed() {
        parent = TestEngine.root("race-inventory-parent", Seed.flyway("filesystem:" + INVENTORY.resolve("seed")));
    }

    @AfterAll
    static void drop() {
        parent.close();
    }

    @AfterEach
    void everyBranchOfTheRunIsGone() {
        TestEngine.assertEveryRunBranchIsGone();
    }

    /** The trigger derives inventory_code from the new shape alone, backfilled or not. */
    private static Path losing() {
        return HandEdit.of(INVENTORY.resolve("migrations"), "migrations-losing", "V2__split_inventory_code.sql",
                "    IF TG_OP = 'UPDATE' AND ROW(OLD.location_code, OLD.batch_number, OLD.serial_number) IS NULL THEN",
                "    IF false THEN -- hand-edited to break it: a row the backfill has not reached loses its code");
    }

    private static VerificationReport verify(Path migrations) {
        return Verifier.on(TestEngine.get()).parent(parent.name())
                .config(VerifierConfig.builder().parallelism(2).generatedRows(40).skip(Check.PREFIX_REPLAY)
                        .reportDirectory(Path.of(System.getProperty("graft.build.dir", "target"), "graft",
                                "race-" + migrations.getFileName()))
                        .build())
                .verify(VerifyRequest.builder().location(migrations)
                        .catalog(Catalog.read(INVENTORY.resolve("catalog"))).build());
    }

    private static CheckResult sync(VerificationReport report) {
        return report.migrations().get(0).check(Check.TRANSITION_SYNC).orElseThrow();
    }

    @Test
    void aTriggerThatLosesTheCodeOfARowNotYetBackfilledFailsAndNamesTheRows() {
        CheckResult sync = sync(verify(losing()));

        assertThat(sync.status()).isEqualTo(CheckStatus.FAILED);
        // each of the 3 new columns alone, on each of 3 rows put back to before the backfill; the old shape
        // written alone on them (3 writes) syncs
        assertThat(sync.summary()).isEqualTo("all 184 writes of whole shapes kept them in sync; all 81 writes of part"
                + " of a shape kept them in sync; 9 of 12 writes on rows the backfill had not reached left the shapes"
                + " out of sync (seed 20261124)");
        assertThat(sync.details()).hasSize(9).allSatisfy(d -> assertThat(d)
                .startsWith(TITLE + ": new -> old by update of only (")
                .containsPattern(" on id=\\d+: the other shape held \\(.+\\) and lost it: got \\(\\), although no NULL"
                        + " was written"));
        assertThat(sync.details()).anySatisfy(d -> assertThat(d).contains("on id=4: the other shape held"
                + " (WH0004B00004S000000004) and lost it"));
    }

    @Test
    void aTriggerThatTakesTheRestFromTheOldShapeOnSuchARowPasses() {
        VerificationReport report = verify(INVENTORY.resolve("migrations"));

        assertThat(report.failures()).isEmpty();
        CheckResult sync = sync(report);
        assertThat(sync.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(sync.summary()).endsWith("; so did 12 writes on rows the backfill had not reached (seed 20261124)");
    }
}
