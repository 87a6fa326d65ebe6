package dev.graft.verifier.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.verifier.Check;
import dev.graft.verifier.TestEngine;
import dev.graft.verifier.VerificationReport;
import dev.graft.verifier.Verifier;
import dev.graft.verifier.VerifierConfig;
import dev.graft.verifier.VerifyRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * graft:migrate's API on real databases: a parent the proof is made on, targets it is deployed to.
 * Only what a passing report proved is applied, to a target whose schema is the one the proof expects.
 */
class DeploymentTest {

    @TempDir
    Path work;

    private Path migrations;
    private Path reports;

    @BeforeEach
    void proveTwoMigrations() throws Exception {
        migrations = Files.createDirectories(work.resolve("migration"));
        reports = work.resolve("reports");
        Files.writeString(migrations.resolve("V1__create_note.sql"),
                "CREATE TABLE IF NOT EXISTS note (id bigint PRIMARY KEY, body text);\n");
        Files.writeString(migrations.resolve("V2__add_author.sql"),
                "ALTER TABLE note ADD COLUMN IF NOT EXISTS author text;\n");
        Branch parent = TestEngine.root("deploy-parent", Seed.none());
        VerificationReport report = Verifier.on(TestEngine.get()).parent(parent.name())
                .config(VerifierConfig.builder().parallelism(2).skip(Check.PREFIX_REPLAY).reportDirectory(reports).build())
                .verify(VerifyRequest.builder().location(migrations).build());
        assertThat(report.passed()).as(String.join("\n", report.failures())).isTrue();
        assertThat(report.proof().hashes()).containsOnlyKeys("1", "2");
    }

    private Deployment deployment(Branch target, Optional<Proofs> proofs) {
        return new Deployment(target.dataSource(), List.of("filesystem:" + migrations), getClass().getClassLoader(),
                Optional.empty(), proofs, false, Duration.ofSeconds(5));
    }

    @Test
    void appliesWhatWasProvenThenNothing() {
        Branch target = TestEngine.root("deploy-target", Seed.none());
        DeployResult first = deployment(target, Optional.of(Proofs.load(reports))).run();
        assertThat(first.applied()).containsExactly("1", "2");
        assertThat(first.appliedVersions()).containsExactly("1", "2");
        DeployResult second = deployment(target, Optional.of(Proofs.load(reports))).run();
        assertThat(second.applied()).isEmpty();
        assertThat(second.appliedVersions()).containsExactly("1", "2");
    }

    @Test
    void aTargetAheadOfTheParentIsComparedWithTheSchemaAfterItsVersion() throws Exception {
        Branch target = TestEngine.root("deploy-ahead", Seed.none());
        Files.writeString(migrations.resolve("V2__add_author.sql.hold"), Files.readString(migrations.resolve("V2__add_author.sql")));
        Files.delete(migrations.resolve("V2__add_author.sql"));
        assertThat(deployment(target, Optional.of(Proofs.load(reports))).run().applied()).containsExactly("1");
        Files.move(migrations.resolve("V2__add_author.sql.hold"), migrations.resolve("V2__add_author.sql"));
        assertThat(deployment(target, Optional.of(Proofs.load(reports))).run().applied()).containsExactly("2");
    }

    @Test
    void refusesAFileEditedAfterTheProofAndAppliesNothing() throws Exception {
        Files.writeString(migrations.resolve("V2__add_author.sql"),
                "ALTER TABLE note ADD COLUMN IF NOT EXISTS author varchar(10);\n");
        Branch target = TestEngine.root("deploy-edited", Seed.none());
        assertThatThrownBy(() -> deployment(target, Optional.of(Proofs.load(reports))).run())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("V2__add_author.sql: its content")
                .hasMessageContaining("edited after the proof");
        assertThat(deployment(target, Optional.empty()).run().applied()).as("graft.proof=none applies it")
                .containsExactly("1", "2");
    }

    @Test
    void refusesAFileNoReportHas() throws Exception {
        Files.writeString(migrations.resolve("V3__add_title.sql"), "ALTER TABLE note ADD COLUMN IF NOT EXISTS title text;\n");
        Branch target = TestEngine.root("deploy-unproven", Seed.none());
        assertThatThrownBy(() -> deployment(target, Optional.of(Proofs.load(reports))).run())
                .hasMessageContaining("V3__add_title.sql: it is not in any report given");
    }

    @Test
    void stopsOnDriftPrintingTheDifference() throws SQLException {
        Branch target = TestEngine.root("deploy-drift", Seed.none());
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE added_by_hand (id integer)");
        }
        assertThatThrownBy(() -> deployment(target, Optional.of(Proofs.load(reports))).run())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("differs from the one the proof expects")
                .hasMessageContaining("+ table public.added_by_hand");
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("SELECT to_regclass('note') IS NULL").next()).isTrue();
        }
    }
}
