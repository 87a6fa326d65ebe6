package dev.graft.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.verifier.report.JsonReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A CI script reads {@code "outcome"}: a failed check, a run that could not prove anything, or a pass. */
class OutcomeTest {

    private static MigrationResult migration(CheckResult... checks) {
        return new MigrationResult("1", "V1__t.sql", 1, List.of(checks), dev.graft.verifier.snapshot.SchemaDiff.none(),
                List.of(), List.of(), List.of(), Duration.ZERO);
    }

    private static VerificationReport report(Optional<String> error, MigrationResult... migrations) {
        return new VerificationReport("main", "embedded", Instant.EPOCH, Duration.ZERO, List.of(migrations), 1, error,
                List.of());
    }

    @Test
    void everyCheckHeldIsPassed() {
        VerificationReport passed = report(Optional.empty(), migration(CheckResult.passed(Check.APPLY, Duration.ZERO, "ok"),
                CheckResult.skipped(Check.CONTRACT, "no transition")));
        assertThat(Outcome.of(passed)).isEqualTo(Outcome.PASSED);
        assertThat(JsonReport.render(passed)).contains("\"outcome\" : \"passed\"");
    }

    @Test
    void aFailedCheckIsAFailedProofEvenWhenTheRunStoppedAfterIt() {
        MigrationResult failed = migration(CheckResult.passed(Check.APPLY, Duration.ZERO, "ok"),
                CheckResult.failed(Check.REAPPLY, Duration.ZERO, "the second run fails", List.of()));
        assertThat(Outcome.of(report(Optional.empty(), failed))).isEqualTo(Outcome.PROOF_FAILED);
        assertThat(Outcome.of(report(Optional.of("FlywayException: connection refused"), failed)))
                .isEqualTo(Outcome.PROOF_FAILED);
        assertThat(JsonReport.render(report(Optional.empty(), failed))).contains("\"outcome\" : \"proof_failed\"");
    }

    @Test
    void aRunStoppedBeforeAnyCheckFailedIsASetUpError() {
        VerificationReport stopped = report(Optional.of("IllegalArgumentException: parent \"main\" does not exist"));
        assertThat(Outcome.of(stopped)).isEqualTo(Outcome.SETUP_ERROR);
        assertThat(JsonReport.render(stopped)).contains("\"outcome\" : \"setup_error\"");
    }
}
