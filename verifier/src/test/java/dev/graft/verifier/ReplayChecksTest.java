package dev.graft.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks 1 to 3 on hand-written migrations: each passes when it should and fails when it should. */
class ReplayChecksTest {

    private static Branch shop;

    @BeforeAll
    static void seed() {
        shop = TestEngine.root("replay-shop", Seed.sqlFile(TestEngine.scenario("shop-seed.sql")));
    }

    @AfterAll
    static void drop() {
        shop.close();
    }

    private static VerificationReport verify(String scenario) {
        return Verifier.on(TestEngine.get()).parent(shop.name())
                .config(VerifierConfig.builder().parallelism(2).skip(Check.LINT, Check.LOCKS)
                        .reportDirectory(Path.of(System.getProperty("graft.build.dir", "target"), "graft", scenario))
                        .build())
                .verify(VerifyRequest.builder().location(TestEngine.scenario(scenario)).build());
    }

    private static CheckStatus status(VerificationReport report, int migration, Check check) {
        return report.migrations().get(migration).check(check).orElseThrow().status();
    }

    @Test
    void idempotentMigrationsPassApplyReapplyAndEveryPrefix() throws Exception {
        VerificationReport report = verify("idempotent");

        assertThat(report.failures()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.migrations()).extracting(MigrationResult::version).containsExactly("1", "2", "3");
        MigrationResult first = report.migrations().get(0);
        assertThat(first.statements()).isEqualTo(7);
        assertThat(first.check(Check.PREFIX_REPLAY).orElseThrow().summary()).startsWith("6 interrupted runs");
        assertThat(first.schemaDiff().added()).extracting(o -> o.key())
                .contains("column public.product.sku", "index public.product_sku_key", "view public.product_names");
        assertThat(status(report, 0, Check.TRANSITION_SYNC)).isEqualTo(CheckStatus.SKIPPED);
        // 1 apply + 1 reapply + 6 prefixes, then 1 + 1 + 2 for the second, 1 + 1 for the concurrent index
        assertThat(report.branchesMade()).isEqualTo(14);
        assertThat(TestEngine.get().list()).noneMatch(b -> b.name().startsWith("gv-"));
        assertThat(report.reportFiles()).hasSize(3).allMatch(Files::exists);
    }

    @Test
    void aCreateTableWithoutIfNotExistsFailsTheReapply() {
        VerificationReport report = verify("create-twice");

        assertThat(report.passed()).isFalse();
        assertThat(status(report, 0, Check.APPLY)).isEqualTo(CheckStatus.PASSED);
        CheckResult reapply = report.migrations().get(0).check(Check.REAPPLY).orElseThrow();
        assertThat(reapply.status()).isEqualTo(CheckStatus.FAILED);
        // the console line is the summary: it carries PostgreSQL's error
        assertThat(reapply.summary()).isEqualTo("the second run fails at statement 1 (line 1): ERROR: relation \"t\""
                + " already exists");
        assertThat(report.failures()).containsExactly("V1 reapply: " + reapply.summary());
        assertThat(reapply.details().get(0)).contains("relation \"t\" already exists");
    }

    @Test
    void anInsertWithoutAGuardFailsTheReapplyBecauseTheDataChanges() {
        VerificationReport report = verify("duplicate-rows");

        CheckResult reapply = report.migrations().get(0).check(Check.REAPPLY).orElseThrow();
        assertThat(reapply.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(reapply.summary()).isEqualTo("the second run changed the rows of public.log");
        assertThat(status(report, 0, Check.PREFIX_REPLAY)).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void aGuardCreatedAfterTheStatementItGuardsFailsOnlyThePrefixReplay() {
        VerificationReport report = verify("interrupted");

        assertThat(status(report, 0, Check.REAPPLY)).isEqualTo(CheckStatus.PASSED);
        CheckResult prefix = report.migrations().get(0).check(Check.PREFIX_REPLAY).orElseThrow();
        assertThat(prefix.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(prefix.summary()).isEqualTo("1 of 1 interrupted runs do not reach the clean end state");
        assertThat(prefix.details()).singleElement().asString()
                .startsWith("after statement 1 (line 3), the rerun ends with the rows of public.product");
    }

    @Test
    void aPrefixThatIsNotIdempotentOnItsOwnPassesWhenTheWholeRerunStillEndsRight() {
        VerificationReport report = verify("self-healing");

        assertThat(report.failures()).isEmpty();
        CheckResult prefix = report.migrations().get(0).check(Check.PREFIX_REPLAY).orElseThrow();
        assertThat(prefix.summary()).startsWith("1 interrupted runs (of 2 statements) each converge");
        // The cheap proof (statement 1 again over its own result) fails, so Flyway reruns it whole on
        // a branch interrupted afresh.
        assertThat(report.migrations().get(0).branches()).extracting(BranchUse::purpose)
                .containsExactlyInAnyOrder("V1 apply", "V1 reapply", "V1 prefix-1", "V1 prefix-1-rerun");
    }

    @Test
    void interruptedRunsWaitingForTheCleanRunDoNotHoldUpItsApply() {
        VerificationReport report = verify("self-healing-twice");

        assertThat(report.failures()).isEmpty();
        assertThat(report.migrations().get(0).check(Check.PREFIX_REPLAY).orElseThrow().summary())
                .startsWith("2 interrupted runs (of 3 statements) each converge");
        assertThat(report.migrations().get(0).branches()).extracting(BranchUse::purpose)
                .contains("V1 prefix-1-rerun", "V1 prefix-2-rerun");
    }

    @Test
    void interruptedRunsOfStatementsThatLeaveNothingInTheSessionAreMadeOneFromTheOther() {
        VerificationReport report = verify("lineage");

        assertThat(report.failures()).isEmpty();
        MigrationResult v1 = report.migrations().get(0);
        assertThat(v1.check(Check.PREFIX_REPLAY).orElseThrow().summary())
                .startsWith("3 interrupted runs (of 4 statements) each converge");
        Map<String, BranchUse> byPurpose = v1.branches().stream()
                .collect(Collectors.toMap(BranchUse::purpose, b -> b));
        assertThat(byPurpose.get("V1 prefix-2").parent()).isEqualTo(byPurpose.get("V1 prefix-1").name());
        assertThat(byPurpose.get("V1 prefix-3").parent()).isEqualTo(byPurpose.get("V1 prefix-2").name());
        assertThat(TestEngine.get().list()).noneMatch(b -> b.name().startsWith("gv-"));
    }

    @Test
    void aMigrationThatDoesNotApplyStopsTheOnesAfterIt() {
        VerificationReport report = verify("broken");

        assertThat(report.migrations()).hasSize(3);
        assertThat(status(report, 0, Check.APPLY)).isEqualTo(CheckStatus.PASSED);
        CheckResult apply = report.migrations().get(1).check(Check.APPLY).orElseThrow();
        assertThat(apply.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(apply.summary()).contains("type \"inetger\" does not exist");
        assertThat(status(report, 1, Check.REAPPLY)).isEqualTo(CheckStatus.NOT_RUN);
        // one statement has no boundary inside it, but that proves nothing of a migration that does not apply
        CheckResult prefixReplay = report.migrations().get(1).check(Check.PREFIX_REPLAY).orElseThrow();
        assertThat(prefixReplay.status()).isEqualTo(CheckStatus.NOT_RUN);
        assertThat(prefixReplay.summary()).isEqualTo("the migration does not apply");
        assertThat(report.migrations().get(2).checks()).allMatch(c -> c.status() == CheckStatus.NOT_RUN);
        assertThat(TestEngine.get().list()).noneMatch(b -> b.name().startsWith("gv-"));
    }
}
