package dev.graft.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.catalog.Catalog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * create_table and add_column in full, proven by the verifier on a shop with rows: the catalog of
 * examples/refactorings up to V6 (identity, generated and collated columns, every table
 * constraint, add_column with up and NOT NULL, unique, check and references, completed).
 */
class TablesAndColumnsVerifyTest {

    private static final Path SCENARIO = TestEngine.scenario("columns");
    private static final Path REPORTS = Path.of(System.getProperty("graft.build.dir", "target"), "graft", "columns");
    private static Branch parent;
    private static VerificationReport report;

    @BeforeAll
    static void verify() {
        parent = TestEngine.root("columns-parent", Seed.flyway("filesystem:" + SCENARIO.resolve("seed")));
        report = Verifier.on(TestEngine.get()).parent(parent.name())
                .config(VerifierConfig.builder().parallelism(2).reportDirectory(REPORTS).build())
                .verify(VerifyRequest.builder().location(SCENARIO.resolve("migrations"))
                        .catalog(Catalog.read(SCENARIO.resolve("catalog"))).build());
    }

    @AfterAll
    static void drop() {
        parent.close();
    }

    private static MigrationResult migration(String version) {
        return report.migrations().stream().filter(m -> m.version().equals(version)).findFirst().orElseThrow();
    }

    @Test
    void noCheckFailsOnAnyMigration() {
        assertThat(report.migrations()).map(MigrationResult::version).containsExactly("2", "3", "4", "5", "6");
        for (MigrationResult m : report.migrations()) {
            for (Check check : Check.values()) {
                m.check(check).ifPresent(r -> assertThat(r.status()).as("V%s %s: %s", m.version(), check.id(), r.summary())
                        .isNotEqualTo(CheckStatus.FAILED));
            }
        }
    }

    @Test
    void theBackfillingAddColumnIsProvenOnRows() {
        for (Check check : List.of(Check.APPLY, Check.REAPPLY, Check.PREFIX_REPLAY, Check.ABORT)) {
            assertThat(migration("4").check(check)).as("V4 %s", check.id())
                    .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(CheckStatus.PASSED));
        }
        assertThat(migration("6").check(Check.CONTRACT))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(CheckStatus.PASSED));
    }
}
