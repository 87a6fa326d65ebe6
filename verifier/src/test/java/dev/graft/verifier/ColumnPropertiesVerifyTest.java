package dev.graft.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.catalog.Catalog;
import dev.graft.generator.Generator;
import dev.graft.generator.GeneratorConfig;
import dev.graft.verifier.lint.LintFinding;
import dev.graft.verifier.lint.LintRule;
import dev.graft.verifier.lint.Linter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The column-property refactorings, several on one column in one file: verify proves the
 * generated migration (apply, re-apply, every interrupted prefix), and lint finds nothing in it.
 */
class ColumnPropertiesVerifyTest {

    private static Branch parent;
    private static Path root;
    private static Catalog catalog;

    @BeforeAll
    static void generate() throws Exception {
        parent = TestEngine.root("colprops-parent", Seed.sql("SELECT 1"));
        root = Files.createTempDirectory("graft-colprops-verify");
        Path dir = Files.createDirectories(root.resolve("graft"));
        Files.writeString(dir.resolve("V1__account.yaml"), """
                refactorings:
                  - create_table:
                      table: account
                      columns:
                        - { name: id, type: bigint, nullable: false }
                        - { name: email, type: text, nullable: false, unique: true }
                        - { name: status, type: text, default: "'new'" }
                        - { name: note, type: text }
                      primary_key: id
                  - insert_data:
                      table: account
                      rows:
                        - { id: 1, email: ada@example.com }
                        - { id: 7, email: grace@example.com, status: gold }
                """);
        Files.writeString(dir.resolve("V2__account_properties.yaml"), """
                refactorings:
                  - set_default: { table: account, column: status, default: "'active'" }
                  - drop_default: { table: account, column: status }
                  - set_default: { table: account, column: status, default: "'pending'" }
                  - drop_not_null: { table: account, column: email }
                  - set_comment: { table: account, column: note, comment: "Free text; 'quoted' is fine" }
                  - set_comment: { table: account, comment: "One row per login" }
                  - add_identity: { table: account, column: id, generated: by_default, sequence: { start: 5, cache: 1 } }
                  - set_replica_identity: { table: account, identity: full }
                """);
        Files.writeString(dir.resolve("V3__account_undo.yaml"), """
                refactorings:
                  - drop_identity: { table: account, column: id }
                  - set_comment: { table: account, column: note }
                  - set_replica_identity: { table: account, identity: index, index: account_pkey }
                """);
        catalog = Catalog.read(dir);
        Generator.forCatalog(catalog).generate(GeneratorConfig.builder().sqlOutput(root.resolve("sql"))
                .javaOutput(root.resolve("java")).build());
    }

    @AfterAll
    static void drop() {
        parent.close();
    }

    @Test
    void verifyPassesEveryCheck() {
        VerificationReport report = Verifier.on(TestEngine.get()).parent(parent.name())
                .config(VerifierConfig.builder().parallelism(2).noReports().build())
                .verify(VerifyRequest.builder().location(root.resolve("sql")).catalog(catalog).build());

        assertThat(report.failures()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.migrations()).extracting(MigrationResult::version).containsExactly("1", "2", "3");
        assertThat(report.migrations().get(1).check(Check.REAPPLY).orElseThrow().status()).isEqualTo(CheckStatus.PASSED);
        assertThat(report.migrations().get(1).check(Check.PREFIX_REPLAY).orElseThrow().status())
                .isEqualTo(CheckStatus.PASSED);
        TestEngine.assertEveryRunBranchIsGone();
    }

    @Test
    void lintFindsNothingInTheGeneratedSql() throws Exception {
        try (Stream<Path> files = Files.list(root.resolve("sql"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                // L215 is about the generated header (lock_timeout only, no statement_timeout), the
                // same for every refactoring's file: not about these statements
                List<LintFinding> findings = Linter.lint(file.getFileName().toString(), Files.readString(file)).stream()
                        .filter(f -> f.rule() != LintRule.MISSING_TIMEOUTS).toList();
                assertThat(findings).as(file.getFileName().toString()).isEmpty();
            }
        }
    }
}
