package dev.graft.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.catalog.Catalog;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A generated migration's {@code sql} refactorings are the user's own statements: they are linted
 * like a hand-written file, located in the catalog file, while the rest of the generated file is not.
 */
class SqlRefactoringLintTest {

    private static final Path SCENARIO = TestEngine.scenario("sql-lint");
    private static Branch parent;

    @BeforeAll
    static void seed() {
        parent = TestEngine.root("sql-lint-parent", Seed.sql("SELECT 1"));
    }

    @AfterAll
    static void drop() {
        parent.close();
    }

    private static VerificationReport verify(String variant) {
        Path dir = SCENARIO.resolve(variant);
        return Verifier.on(TestEngine.get()).parent(parent.name())
                .config(VerifierConfig.builder().parallelism(2).skip(Check.PREFIX_REPLAY).noReports().build())
                .verify(VerifyRequest.builder().location(dir.resolve("migrations"))
                        .catalog(Catalog.read(dir.resolve("catalog"))).build());
    }

    @Test
    void aNonIdempotentStatementOfAnSqlRefactoringFailsLintAtItsLineInTheCatalogFile() {
        CheckResult lint = verify("bad").migrations().get(0).check(Check.LINT).orElseThrow();

        assertThat(lint.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(lint.summary()).startsWith("the statements of its sql refactorings: ");
        assertThat(lint.details()).hasSize(1);
        assertThat(lint.details().get(0)).isEqualTo("V1__notes.yaml:11: create index \"note_body\" without if not exists [GRAFT-L101]");
    }

    @Test
    void theRerunnableLookAlikePassesLint() {
        VerificationReport report = verify("good");

        CheckResult lint = report.migrations().get(0).check(Check.LINT).orElseThrow();
        assertThat(lint.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(lint.summary()).startsWith("the statements of its sql refactorings: ");
        assertThat(report.failures()).isEmpty();
    }
}
