package dev.graft.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.catalog.Catalog;
import dev.graft.generator.Generator;
import dev.graft.generator.GeneratorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checks 4 to 6 end to end for the deprecation-period refactorings (issue #19), each catalog of
 * {@code scenarios/deprecate/} generated into {@code target/} and verified on a parent holding its
 * version 1 and the rows of {@code rows/}: a sound one passes, a lossy one fails on named rows.
 */
class DeprecationTransitionsTest {

    private static final Path DEPRECATE = TestEngine.scenario("deprecate");

    @AfterEach
    void everyBranchOfTheRunIsGone() {
        TestEngine.assertEveryRunBranchIsGone();
    }

    /** Generates {@code catalog}, seeds a parent with its V1 and the rows, verifies the rest. */
    static VerificationReport verify(String catalog) throws IOException {
        Path out = Path.of(System.getProperty("graft.build.dir", "target"), "graft", "deprecate-" + catalog)
                .toAbsolutePath();
        Path migrations = out.resolve("migrations");
        Path seed = out.resolve("seed");
        if (Files.exists(out)) {
            try (var old = Files.walk(out)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(seed);
        Catalog model = Catalog.read(DEPRECATE.resolve(catalog));
        Generator.forCatalog(model).generate(GeneratorConfig.builder().sqlOutput(migrations)
                .javaOutput(out.resolve("java")).build());
        try (var files = Files.list(migrations)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("V1__")).toList()) {
                Files.copy(f, seed.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.copy(DEPRECATE.resolve("rows/V1_1__customers.sql"), seed.resolve("V1_1__customers.sql"),
                StandardCopyOption.REPLACE_EXISTING);
        try (Branch parent = TestEngine.root("deprecate-" + catalog, Seed.flyway("filesystem:" + seed))) {
            return Verifier.on(TestEngine.get()).parent(parent.name())
                    .config(VerifierConfig.builder().parallelism(2).generatedRows(40).skip(Check.PREFIX_REPLAY)
                            .reportDirectory(out.resolve("report")).build())
                    .verify(VerifyRequest.builder().location(migrations).catalog(model).build());
        }
    }

    static CheckResult check(VerificationReport report, String version, Check check) {
        return report.migrations().stream().filter(m -> m.version().equals(version)).findFirst().orElseThrow()
                .check(check).orElseThrow();
    }

    @Test
    void dropColumnWithDownKeepsTheOldApplicationReading() throws IOException {
        VerificationReport report = verify("drop-column");

        assertThat(report.failures()).isEmpty();
        assertThat(check(report, "2", Check.TRANSITION_SYNC).status()).isEqualTo(CheckStatus.PASSED);
        CheckResult roundTrip = check(report, "2", Check.ROUND_TRIP);
        assertThat(roundTrip.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(roundTrip.summary()).isEqualTo("all 120 existing rows round-trip");
        assertThat(check(report, "3", Check.CONTRACT).summary())
                .isEqualTo("1 completed transition: no old column, table, view, trigger or function remains");
    }

    @Test
    void aLossyDownFailsOnNamedRows() throws IOException {
        VerificationReport report = verify("drop-column-lossy");

        assertThat(report.passed()).isFalse();
        CheckResult roundTrip = check(report, "2", Check.ROUND_TRIP);
        assertThat(roundTrip.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(roundTrip.summary()).isEqualTo("120 of 120 existing rows do not round-trip");
        assertThat(roundTrip.details().get(0))
                .isEqualTo("customer: 120 of 120 rows break down(last_name, first_name) = full_name");
        assertThat(roundTrip.details().get(1)).isEqualTo("  id=1: (\"Grace1 Hopper\") -> (Hopper,Grace1) -> (\"Hopper, Grace1\")");
    }

    /** The refactorings whose new shape stays pass every check, data effects and locks included. */
    @Test
    void theShapesThatStayPassEveryCheck() throws IOException {
        VerificationReport report = verify("kept");

        assertThat(report.failures()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(check(report, "2", Check.REAPPLY).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(report, "2", Check.LOCKS).status()).isEqualTo(CheckStatus.PASSED);
    }
}
