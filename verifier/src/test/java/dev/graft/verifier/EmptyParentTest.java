package dev.graft.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.catalog.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A parent whose table has no rows: the merge scenario's customer table emptied, with a NOT NULL
 * column without a default added, so that no INSERT naming one shape alone is possible either, and
 * the merge's own assumptions (no ", " in a street, no house number without a street) as CHECKs.
 * Without generated rows neither round trip nor sync has anything to be proven on, and says so;
 * with them, both are proven on rows drawn for the table, and a lossy merge is still caught.
 */
class EmptyParentTest {

    private static final Path MERGE = TestEngine.scenario("merge");
    private static Branch parent;

    @BeforeAll
    static void seed() throws SQLException {
        parent = TestEngine.root("empty-merge-parent", Seed.flyway("filesystem:" + MERGE.resolve("seed")));
        try (Connection c = parent.connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE customer");
            s.execute("ALTER TABLE customer ADD COLUMN joined date NOT NULL");
            // what the merge's catalog says of its data, as constraints: generated rows must keep to them
            s.execute("ALTER TABLE customer ADD CONSTRAINT street_has_no_separator CHECK (strpos(street, ', ') = 0),"
                    + " ADD CONSTRAINT house_number_needs_a_street CHECK (house_number IS NULL OR street IS NOT NULL)");
        }
    }

    @AfterAll
    static void drop() {
        parent.close();
    }

    @AfterEach
    void everyBranchOfTheRunIsGoneAndTheParentIsStillEmpty() throws SQLException {
        TestEngine.assertEveryRunBranchIsGone();
        try (Connection c = parent.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM customer")) {
            r.next();
            assertThat(r.getLong(1)).as("rows generated on the parent").isZero();
        }
    }

    private static VerificationReport verify(String catalog, String migrations, int generatedRows) {
        return Verifier.on(TestEngine.get()).parent(parent.name())
                .config(VerifierConfig.builder().parallelism(2).generatedRows(generatedRows).skip(Check.PREFIX_REPLAY)
                        .reportDirectory(Path.of(System.getProperty("graft.build.dir", "target"), "graft",
                                "empty-" + migrations + "-" + generatedRows))
                        .build())
                .verify(VerifyRequest.builder().location(MERGE.resolve(migrations))
                        .catalog(Catalog.read(MERGE.resolve(catalog))).build());
    }

    private static CheckResult check(VerificationReport report, Check check) {
        return report.migrations().get(0).check(check).orElseThrow();
    }

    @Test
    void withoutGeneratedRowsNeitherCheckIsExercisedAndEveryReportSaysSo() throws Exception {
        VerificationReport report = verify("catalog", "migrations", 0);

        CheckResult roundTrip = check(report, Check.ROUND_TRIP);
        assertThat(roundTrip.status()).isEqualTo(CheckStatus.NOT_EXERCISED);
        assertThat(roundTrip.summary())
                .isEqualTo("no row to round-trip: the table is empty and generated rows are turned off");
        CheckResult sync = check(report, Check.TRANSITION_SYNC);
        assertThat(sync.status()).isEqualTo(CheckStatus.NOT_EXERCISED);
        assertThat(sync.summary()).isEqualTo("no write was possible: the table has no row to update and an INSERT"
                + " must give columns that are NOT NULL without a default (seed 20261124)");
        assertThat(report.failures()).isEmpty();
        CheckResult locks = check(report, Check.LOCKS);
        assertThat(locks.summary()).endsWith(") have no row for a workload to read and write");
        assertThat(report.notExercised()).containsExactly("V2 transition-sync: " + sync.summary(),
                "V2 round-trip: " + roundTrip.summary(), "V2 locks: " + locks.summary(),
                "V3 locks: the tables it touches (public.customer) have no row for a workload to read and write");
        Path dir = report.reportFiles().get(0).getParent();
        assertThat(Files.readString(dir.resolve("graft-verify.md")))
                .contains("- **V2 round-trip** (not exercised): no row to round-trip");
        assertThat(Files.readString(dir.resolve("TEST-graft-verify.xml")))
                .contains("<skipped message=\"not exercised: no row to round-trip: the table is empty");
        assertThat(Files.readString(dir.resolve("graft-verify.json"))).contains("\"status\" : \"not_exercised\"");
    }

    @Test
    void generatedRowsProveTheMergeAndNameThemselves() {
        VerificationReport report = verify("catalog", "migrations", 40);

        assertThat(report.failures()).isEmpty();
        CheckResult roundTrip = check(report, Check.ROUND_TRIP);
        assertThat(roundTrip.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(roundTrip.summary()).matches("all (\\d+) rows \\(0 existing, \\1 generated, seed 20261124\\) round-trip");
        // the rows the CHECKs refuse are dropped and counted, with what PostgreSQL said of the first
        assertThat(roundTrip.details()).singleElement().asString()
                .matches("customer had 0 rows: \\d+ generated \\(seed 20261124\\), keys id=1, id=2, .*; \\d+ refused by the"
                        + " table, the first: new row for relation \"customer\" violates check constraint .*");
        CheckResult sync = check(report, Check.TRANSITION_SYNC);
        assertThat(sync.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(sync.summary()).contains("writes through either shape").endsWith("(seed 20261124)");
        assertThat(sync.details()).anySatisfy(d -> assertThat(d).startsWith("merge_columns of customer.street,"
                + " house_number: customer had 0 rows: ").contains(" generated (seed 20261124), keys id=1, ")
                .endsWith(", written through the old shape"));
    }

    @Test
    void aLossyMergeIsCaughtOnGeneratedRows() {
        VerificationReport report = verify("catalog-lossy", "migrations-lossy", 40);

        CheckResult roundTrip = check(report, Check.ROUND_TRIP);
        assertThat(roundTrip.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(roundTrip.summary()).matches("\\d+ of (\\d+) rows \\(0 existing, \\1 generated, seed 20261124\\) do"
                + " not round-trip");
        assertThat(roundTrip.details()).first().asString().startsWith("customer: ").contains(" rows break ");
        assertThat(roundTrip.details()).last().asString().startsWith("customer had 0 rows: ")
                .contains(" generated (seed 20261124)");
        RoundTripFinding finding = report.migrations().get(0).roundTrips().get(0);
        assertThat(finding.generated()).isEqualTo(finding.rows()).isGreaterThan(20);
        // a street without a house number: the strict || makes the new shape NULL, a loss whatever comes back
        assertThat(finding.nulled()).isPositive();
    }
}
