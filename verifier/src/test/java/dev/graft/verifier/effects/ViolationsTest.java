package dev.graft.verifier.effects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.catalog.Catalog;
import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.CheckStatus;
import dev.graft.verifier.TestEngine;
import dev.graft.verifier.VerificationReport;
import dev.graft.verifier.Verifier;
import dev.graft.verifier.VerifierConfig;
import dev.graft.verifier.VerifyRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A migration PostgreSQL refuses names the rows that break the rule and the catalog fix, on the
 * shop of {@code scenarios/effects} (orders 4, 7 and 9 reference a missing customer, 2 and 3 have
 * no quantity). The same refactorings with their policy apply: {@link DataEffectsTest}.
 */
class ViolationsTest {

    private static final Path SCENARIOS = TestEngine.scenario("violations");
    private static Branch parent;

    @BeforeAll
    static void seed() {
        parent = TestEngine.root("violations-parent",
                Seed.flyway("filesystem:" + TestEngine.scenario("effects").resolve("seed")));
    }

    @AfterAll
    static void drop() {
        parent.close();
    }

    private static CheckResult apply(String scenario) {
        Path folder = SCENARIOS.resolve(scenario);
        VerificationReport report = Verifier.on(TestEngine.get()).parent(parent.name())
                .config(VerifierConfig.builder().parallelism(2).skip(Check.PREFIX_REPLAY)
                        .reportDirectory(Path.of(System.getProperty("graft.build.dir", "target"), "graft",
                                "violations-" + scenario)).build())
                .verify(VerifyRequest.builder().location(folder.resolve("migrations"))
                        .catalog(Catalog.read(folder.resolve("catalog"))).build());
        TestEngine.assertEveryRunBranchIsGone();
        return report.migrations().stream().filter(m -> m.version().equals("2")).findFirst().orElseThrow()
                .check(Check.APPLY).orElseThrow();
    }

    @Test
    void aForeignKeyOverOrphansNamesThemAndTheOrphansPolicies() {
        CheckResult apply = apply("fk");
        assertThat(apply.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(apply.summary()).contains("3 rows of public.orders break foreign key orders_customer_id_fkey"
                + " (customer_id references no row of customers) (first keys 4, 7, 9)")
                .contains("orphans: nullify").contains("orphans: delete");
        assertThat(apply.details().get(0)).startsWith("3 rows of public.orders");
    }

    @Test
    void notNullOverNullsNamesThemAndDefaultForNulls() {
        CheckResult apply = apply("not-null");
        assertThat(apply.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(apply.summary()).contains("2 rows of public.orders break not null on qty (first keys 2, 3)")
                .contains("default_for_nulls");
    }

    @Test
    void aUniqueIndexOverDuplicatesNamesThem() {
        CheckResult apply = apply("unique");
        assertThat(apply.status()).isEqualTo(CheckStatus.FAILED);
        // every customer has several orders, and customer 99 three
        assertThat(apply.summary()).contains("20 rows of public.orders break unique (customer_id)"
                + " (first keys 1, 2, 3, 4, 5)");
    }
}
