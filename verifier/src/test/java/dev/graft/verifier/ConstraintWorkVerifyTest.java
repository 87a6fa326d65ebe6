package dev.graft.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.catalog.Catalog;
import dev.graft.generator.Generator;
import dev.graft.generator.GeneratorConfig;
import dev.graft.verifier.effects.RowEffect;
import dev.graft.verifier.lint.LintFinding;
import dev.graft.verifier.lint.LintOptions;
import dev.graft.verifier.lint.LintRule;
import dev.graft.verifier.lint.Linter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code graft verify} on the constraint refactorings ({@code scenarios/constraints}, on the
 * shop of {@code scenarios/effects}: orders 4, 7 and 9 reference a missing customer, orders 16 to
 * 20 have a quantity over 15): every check passes, lint accepts the generated SQL (which verify itself does not lint; the
 * one warning left is statement_timeout, which no generated file sets), and the rows
 * {@code up} and {@code orphans} changed are shown with their cause.
 */
class ConstraintWorkVerifyTest {

    private static final Path SCENARIO = TestEngine.scenario("constraints");
    private static Branch parent;
    private static VerificationReport report;
    private static Path out;

    @BeforeAll
    static void verify() throws Exception {
        parent = TestEngine.root("constraints-parent",
                Seed.flyway("filesystem:" + TestEngine.scenario("effects").resolve("seed")));
        Path root = Files.createTempDirectory("graft-constraints");
        out = root.resolve("sql");
        Catalog catalog = Catalog.read(SCENARIO.resolve("catalog"));
        Generator.forCatalog(catalog).generate(GeneratorConfig.builder().sqlOutput(out)
                .javaOutput(root.resolve("java")).build());
        report = Verifier.on(TestEngine.get()).parent(parent.name())
                .config(VerifierConfig.builder().parallelism(2).noReports().build())
                .verify(VerifyRequest.builder().location(out).catalog(catalog).build());
    }

    @AfterAll
    static void drop() {
        parent.close();
    }

    private static MigrationResult migration(String version) {
        return report.migrations().stream().filter(m -> m.version().equals(version)).findFirst().orElseThrow();
    }

    @Test
    void everyCheckPassesOnEveryNewType() {
        assertThat(report.failures()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.migrations()).extracting(MigrationResult::version).containsExactly("2", "3", "4");
        for (MigrationResult m : report.migrations()) {
            assertThat(m.check(Check.REAPPLY).orElseThrow().status()).isEqualTo(CheckStatus.PASSED);
            assertThat(m.check(Check.PREFIX_REPLAY).orElseThrow().status()).isEqualTo(CheckStatus.PASSED);
        }
    }

    @Test
    void lintAcceptsTheGeneratedSql() throws Exception {
        try (var files = Files.list(out)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                List<LintFinding> findings = Linter.lint(file.getFileName().toString(), Files.readString(file),
                        LintOptions.defaults().withFlywayConf(file));
                assertThat(findings).as("lint of " + file.getFileName())
                        .noneMatch(f -> f.rule().severity() == LintRule.Severity.ERROR);
                assertThat(findings).allMatch(f -> f.rule() == LintRule.MISSING_TIMEOUTS);
            }
        }
    }

    @Test
    void theRowsUpFixedAndTheOrphansDeletedAreShown() {
        RowEffect capped = migration("2").dataEffects().effects().stream()
                .filter(e -> e.table().equals("public.orders") && e.column().equals("qty")).findFirst().orElseThrow();
        assertThat(capped.kind()).isEqualTo(RowEffect.Kind.UPDATED);
        assertThat(capped.rows()).isEqualTo(5);
        assertThat(capped.firstKeys()).containsExactly("16", "17", "18", "19", "20");
        assertThat(capped.cause()).startsWith("up: 15 (add_constraint at V2__order_rules.yaml:");
        RowEffect deleted = migration("2").dataEffects().effects().stream()
                .filter(e -> e.kind() == RowEffect.Kind.DELETED).findFirst().orElseThrow();
        assertThat(deleted.table()).isEqualTo("public.orders");
        assertThat(deleted.firstKeys()).containsExactly("4", "7", "9");
        assertThat(deleted.cause()).startsWith("orphans: delete (add_constraint at");
    }
}
