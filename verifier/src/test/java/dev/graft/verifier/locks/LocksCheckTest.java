package dev.graft.verifier.locks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.catalog.Catalog;
import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.CheckStatus;
import dev.graft.verifier.MigrationResult;
import dev.graft.verifier.TestEngine;
import dev.graft.verifier.VerificationReport;
import dev.graft.verifier.Verifier;
import dev.graft.verifier.VerifierConfig;
import dev.graft.verifier.VerifyRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The locks check on real PostgreSQL: the naive in-place type change blocks the workload for the
 * whole rewrite and fails; Graft's generated change of the same column passes; a migration that
 * touches no populated table is not exercised; the figures reach all three reports.
 */
class LocksCheckTest {

    private static final Logger LOG = LoggerFactory.getLogger(LocksCheckTest.class);
    private static final Path SCENARIO = TestEngine.scenario("locks");
    private static Branch small;
    private static Branch large;

    @BeforeAll
    static void seed() {
        small = TestEngine.root("locks-small", Seed.flyway("filesystem:" + SCENARIO.resolve("seed-small")));
        large = TestEngine.root("locks-large", Seed.flyway("filesystem:" + SCENARIO.resolve("seed-large")));
    }

    @AfterAll
    static void drop() {
        small.close();
        large.close();
    }

    private static MigrationResult verify(Branch parent, String location, boolean catalog) {
        VerifyRequest.Builder request = VerifyRequest.builder().location(SCENARIO.resolve(location));
        if (catalog) {
            request.catalog(Catalog.read(SCENARIO.resolve("catalog")));
        }
        VerificationReport report = Verifier.on(TestEngine.get()).parent(parent.name())
                .config(VerifierConfig.builder().parallelism(2).checks(EnumSet.of(Check.APPLY, Check.LOCKS))
                        .reportDirectory(Path.of(System.getProperty("graft.build.dir", "target"), "graft",
                                "locks-" + parent.name() + "-" + location)).build())
                .verify(request.build());
        TestEngine.assertEveryRunBranchIsGone();
        MigrationResult v2 = report.migrations().stream().filter(m -> m.version().equals("2")).findFirst().orElseThrow();
        CheckResult locks = v2.check(Check.LOCKS).orElseThrow();
        LOG.info("{} on {}: {} {}\n  {}", location, parent.name(), locks.status(), locks.summary(),
                String.join("\n  ", locks.details()));
        lastReport = report;
        return v2;
    }

    private static VerificationReport lastReport;

    @Test
    void theNaiveTypeChangeBlocksTheWorkloadForTheWholeRewrite() throws Exception {
        MigrationResult v2 = verify(large, "handwritten", false);

        CheckResult locks = v2.check(Check.LOCKS).orElseThrow();
        assertThat(locks.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(locks.summary()).startsWith("V2__qty_bigint.sql:2 ALTER TABLE item ALTER COLUMN qty TYPE bigint blocked"
                + " the workload ").contains("(budget 200 ms, AccessExclusiveLock on public.item)");
        MigrationLocks figures = v2.locks().orElseThrow();
        MigrationLocks.StatementLocks worst = figures.worst().orElseThrow();
        // A clear margin over the budget: the rewrite of a million rows held the table 0.7 to 1.9 s on two cores.
        assertThat(worst.longestWait().toMillis()).isGreaterThan(400);
        assertThat(worst.locks()).anyMatch(l -> l.mode().equals("AccessExclusiveLock") && l.table().equals("public.item")
                && l.held().toMillis() > 400);
        assertThat(figures.during().p99()).isGreaterThan(figures.before().p99());
        assertThat(figures.before().statements()).isGreaterThan(100);

        // The same figures in all three reports.
        String longest = String.valueOf(worst.longestWait().toMillis());
        Path md = lastReport.reportFiles().stream().filter(p -> p.toString().endsWith(".md")).findFirst().orElseThrow();
        Path json = lastReport.reportFiles().stream().filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        Path xml = lastReport.reportFiles().stream().filter(p -> p.toString().endsWith(".xml")).findFirst().orElseThrow();
        assertThat(Files.readString(md)).contains("**Locks under load** (4 connections, 300 statements/s on public.item")
                .contains("| V2__qty_bigint.sql:2 ALTER TABLE item ALTER COLUMN qty TYPE bigint | AccessExclusiveLock on"
                        + " public.item (").contains(" ms | AccessExclusiveLock on public.item |")
                .contains(LockFigures.ms(worst.longestWait()));
        assertThat(Files.readString(json)).contains("\"longest_wait_ms\" : " + longest)
                .contains("\"mode\" : \"AccessExclusiveLock\"").contains("\"p99_ms\"");
        assertThat(Files.readString(xml)).contains("name=\"locks\"").contains("<failure message=\"V2__qty_bigint.sql:2")
                .contains("workload statements waited, longest " + LockFigures.ms(worst.longestWait()));
    }

    @Test
    void graftsGeneratedChangeOfTheSameColumnPasses() {
        MigrationResult v2 = verify(small, "migrations", true);

        CheckResult locks = v2.check(Check.LOCKS).orElseThrow();
        assertThat(locks.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(locks.summary()).contains("(budget 200 ms); workload p50 ");
        MigrationLocks figures = v2.locks().orElseThrow();
        assertThat(figures.tables()).containsExactly("public.item");
        assertThat(figures.during().statements()).isPositive();
        assertThat(figures.statements()).anyMatch(s -> s.locks().stream().anyMatch(l -> l.table().equals("public.item")));
        assertThat(figures.worst().map(s -> s.longestWait().toMillis()).orElse(0L)).isLessThanOrEqualTo(200);
        assertThat(figures.errors()).isZero();
    }

    @Test
    void theSingleTransactionSqlBackfillOnAMillionRowsIsMeasured() {
        MigrationResult v2 = verify(large, "migrations", true);

        // What the batching helper's change is measured by: today the backfill's row locks last until its one commit.
        MigrationLocks figures = v2.locks().orElseThrow();
        assertThat(figures.during().statements()).isPositive();
        assertThat(figures.statements()).anyMatch(s -> s.statement().startsWith("V2__widen_qty.sql:"));
    }

    @Test
    void aMigrationThatTouchesNoExistingTableIsNotExercised() {
        MigrationResult v2 = verify(small, "untouched", false);

        CheckResult locks = v2.check(Check.LOCKS).orElseThrow();
        assertThat(locks.status()).isEqualTo(CheckStatus.NOT_EXERCISED);
        assertThat(locks.summary()).isEqualTo("it touches no table that exists before it: no workload to block");
        assertThat(v2.locks()).isEmpty();
    }
}
