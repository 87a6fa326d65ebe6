package dev.graft.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks 2 and 3 on Java migrations that commit in batches: run a second time through Flyway, and
 * interrupted after every committed transaction and then rerun, as a crashed deployment leaves them.
 */
class JavaMigrationChecksTest {

    private static Branch prices;

    @BeforeAll
    static void seed() {
        prices = TestEngine.root("java-prices", Seed.flyway("classpath:db/prices"));
    }

    @AfterAll
    static void drop() {
        prices.close();
    }

    private static VerificationReport verify(String location, int boundaries) {
        return Verifier.on(TestEngine.get()).parent(prices.name())
                .config(VerifierConfig.builder().parallelism(2).commitBoundaries(boundaries)
                        .reportDirectory(Path.of(System.getProperty("graft.build.dir", "target"), "graft", location))
                        .build())
                .verify(VerifyRequest.builder().flywayLocation("classpath:db/prices")
                        .flywayLocation("classpath:db/" + location).build());
    }

    @Test
    void aGuardedBatchedBackfillConvergesAfterEveryCommit() {
        VerificationReport report = verify("batched", 16);

        assertThat(report.failures()).isEmpty();
        MigrationResult v2 = report.migrations().get(0);
        assertThat(v2.version()).isEqualTo("2");
        assertThat(v2.check(Check.REAPPLY).orElseThrow().summary())
                .isEqualTo("run again by Flyway: schema and data unchanged");
        // Seven commits (the DDL, four batches, the empty batch, the index): six boundaries inside.
        assertThat(v2.check(Check.PREFIX_REPLAY).orElseThrow().summary())
                .isEqualTo("6 interrupted runs (after commits of 7) each converge to the clean end state");
        assertThat(v2.branches()).extracting(BranchUse::purpose).contains("V2 commit-1", "V2 commit-6");
        assertThat(TestEngine.get().list()).noneMatch(b -> b.name().startsWith("gv-"));
    }

    @Test
    void anUnguardedBackfillFailsTheReapplyAndEveryInterruptedRun() {
        VerificationReport report = verify("doubling", 16);

        MigrationResult v2 = report.migrations().get(0);
        assertThat(v2.check(Check.APPLY).orElseThrow().status()).isEqualTo(CheckStatus.PASSED);
        CheckResult reapply = v2.check(Check.REAPPLY).orElseThrow();
        assertThat(reapply.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(reapply.summary()).isEqualTo("the second run changed the rows of public.price");
        CheckResult prefix = v2.check(Check.PREFIX_REPLAY).orElseThrow();
        assertThat(prefix.summary()).isEqualTo("4 of 4 interrupted runs do not reach the clean end state");
        assertThat(prefix.details().get(0)).isEqualTo("after commit 1, the rerun ends with the rows of public.price");
    }

    @Test
    void javaMigrationsAreFoundThroughTheClassLoaderTheRequestNames(@TempDir Path classes) throws Exception {
        // As a build tool does it: the project's migrations are compiled classes the verifier cannot see itself.
        Path source = classes.resolve("db/compiled/V2__Add_price_note.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package db.compiled;

                import java.sql.Statement;
                import org.flywaydb.core.api.migration.BaseJavaMigration;
                import org.flywaydb.core.api.migration.Context;

                public class V2__Add_price_note extends BaseJavaMigration {
                    @Override
                    public void migrate(Context context) throws Exception {
                        try (Statement s = context.getConnection().createStatement()) {
                            s.execute("ALTER TABLE price ADD COLUMN IF NOT EXISTS note text");
                        }
                    }
                }
                """);
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-cp",
                System.getProperty("java.class.path"), "-d", classes.toString(), source.toString())).isZero();
        try (URLClassLoader project = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            VerificationReport report = Verifier.on(TestEngine.get()).parent(prices.name())
                    .config(VerifierConfig.builder().parallelism(2).noReports().build())
                    .verify(VerifyRequest.builder().flywayLocation("classpath:db/prices")
                            .flywayLocation("classpath:db/compiled").classLoader(project).build());

            assertThat(report.failures()).isEmpty();
            assertThat(report.migrations()).extracting(MigrationResult::script).containsExactly("db.compiled.V2__Add_price_note");
            assertThat(report.migrations().get(0).schemaDiff().added()).extracting(o -> o.key())
                    .containsExactly("column public.price.note");
        }
    }

    @Test
    void manyBatchesAreSampledEvenlyUpToTheConfiguredNumber() {
        VerificationReport report = verify("batched", 3);

        MigrationResult v2 = report.migrations().get(0);
        assertThat(v2.check(Check.PREFIX_REPLAY).orElseThrow().summary()).isEqualTo("3 interrupted runs (after"
                + " commits of 7, 3 of the 6 boundaries, evenly spread) each converge to the clean end state");
        assertThat(v2.branches()).extracting(BranchUse::purpose).filteredOn(p -> p.contains("commit-"))
                .containsExactlyInAnyOrder("V2 commit-1", "V2 commit-4", "V2 commit-6");
    }
}
