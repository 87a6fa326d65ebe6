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
 * A NOT NULL column whose type changes: the generator guards the shadow column with a CHECK that it
 * is not NULL, which every row a write makes satisfies but a row the backfill has not reached does
 * not. Such a row cannot be made again by an UPDATE: the sync check says so and leaves those writes
 * out, instead of crashing.
 */
class RequiredShapeTest {

    private static final Path REQUIRED = TestEngine.scenario("required");
    private static Branch parent;

    @BeforeAll
    static void seed() {
        parent = TestEngine.root("required-parent", Seed.flyway("filesystem:" + REQUIRED.resolve("seed")));
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
    void rowsThatCannotBePutBackBeforeTheBackfillAreANoteNotACrash() {
        VerificationReport report = Verifier.on(TestEngine.get()).parent(parent.name())
                .config(VerifierConfig.builder().parallelism(2).generatedRows(40).skip(Check.PREFIX_REPLAY).noReports()
                        .build())
                .verify(VerifyRequest.builder().location(REQUIRED.resolve("migrations"))
                        .catalog(Catalog.read(REQUIRED.resolve("catalog"))).build());

        CheckResult sync = report.migrations().get(0).check(Check.TRANSITION_SYNC).orElseThrow();
        assertThat(sync.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(sync.summary()).doesNotContain("rows the backfill had not reached");
        assertThat(sync.details()).contains("change_column_type of warehouse.city: no row can be put back to before"
                        + " the backfill (new row for relation \"warehouse\" violates check constraint"
                        + " \"graft_2_warehouse_city_not_null\"): old -> new writes on such rows left out",
                "change_column_type of warehouse.city: no row can be put back to before the backfill (new row for"
                        + " relation \"warehouse\" violates check constraint \"graft_2_warehouse_city_not_null\"):"
                        + " new -> old writes on such rows left out");
        assertThat(report.migrations().get(0).check(Check.ROUND_TRIP).orElseThrow().summary())
                .isEqualTo("all 12 existing rows round-trip");
    }
}
