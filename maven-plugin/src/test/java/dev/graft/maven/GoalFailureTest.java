package dev.graft.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.verifier.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed proof and a broken set-up are told apart by type, message and the JSON report's outcome. */
class GoalFailureTest {

    @Test
    void aFailedProofAndABrokenSetUpDifferInTypeAndMessage() {
        MojoFailureException proof = GoalFailure.proofFailed("V2 round-trip: 3 rows lost");
        MojoExecutionException setUp = GoalFailure.setUp("unknown engine \"oracle\"");
        assertThat(proof).hasMessage("proof failed: V2 round-trip: 3 rows lost");
        assertThat(setUp).hasMessage("set-up: unknown engine \"oracle\"");
        assertThat(GoalFailure.outcome(proof)).isEqualTo(Outcome.PROOF_FAILED);
        assertThat(GoalFailure.outcome(setUp)).isEqualTo(Outcome.SETUP_ERROR);
    }

    @Test
    void aVerifyThatFailedEarlyReplacesAStaleReportWithItsOutcome(@TempDir Path reports) throws Exception {
        Path json = reports.resolve("graft-verify.json");
        Files.writeString(json, "{\"passed\": true, \"outcome\": \"passed\"}");
        GoalFailure.record(reports, GoalFailure.setUp("cannot connect to jdbc:postgresql://localhost:1/x"));
        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.get("passed").asBoolean()).isFalse();
        assertThat(written.get("outcome").asText()).isEqualTo("setup_error");
        assertThat(written.get("error").asText()).isEqualTo("set-up: cannot connect to jdbc:postgresql://localhost:1/x");

        GoalFailure.record(reports.resolve("new"), GoalFailure.proofFailed("the catalog has 1 error(s)"));
        assertThat(new ObjectMapper().readTree(reports.resolve("new/graft-verify.json").toFile()).get("outcome").asText())
                .isEqualTo("proof_failed");
    }
}
