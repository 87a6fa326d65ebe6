package dev.graft.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.graft.verifier.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * How every goal fails, in one place. A failed proof (a check that did not hold, catalog errors,
 * drifted files, lint findings, a parent drifted from its baseline: the project's migrations are
 * wrong) is a {@link MojoFailureException} whose message starts {@value #PROOF_FAILED}; a set-up
 * problem (an unknown engine, an unreachable server, a bad parameter, classes not compiled, a file
 * that cannot be read or written: nothing was proven) is a {@link MojoExecutionException} starting
 * {@value #SET_UP}. Maven ends with exit code 1 for both, so a CI script tells them apart by the
 * message or by {@code "outcome"} in {@code graft-verify.json}, which {@link #record} writes for a
 * verify that failed before its report.
 */
final class GoalFailure {

    static final String PROOF_FAILED = "proof failed: ";
    static final String SET_UP = "set-up: ";
    static final String JSON_REPORT = "graft-verify.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GoalFailure() {
    }

    /** The project's migrations are wrong: the build fails as a test would. */
    static MojoFailureException proofFailed(String message) {
        return new MojoFailureException(PROOF_FAILED + message);
    }

    /** Nothing could be proven: the environment or the configuration is to be fixed. */
    static MojoExecutionException setUp(String message) {
        return new MojoExecutionException(SET_UP + message);
    }

    /** Nothing could be proven, because of {@code cause}. */
    static MojoExecutionException setUp(String message, Throwable cause) {
        return new MojoExecutionException(SET_UP + message, cause);
    }

    /** The outcome a goal's failure stands for. */
    static Outcome outcome(AbstractMojoExecutionException failure) {
        return failure instanceof MojoFailureException ? Outcome.PROOF_FAILED : Outcome.SETUP_ERROR;
    }

    /**
     * Writes {@code graft-verify.json} for a verify that failed before the verifier wrote its
     * report, so that a CI script never reads a previous run's file: {@code passed}, {@code outcome}
     * and {@code error}, the fields a full report starts with.
     */
    static void record(Path reportDirectory, AbstractMojoExecutionException failure) throws MojoExecutionException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("passed", false);
        root.put("outcome", outcome(failure).label());
        root.put("error", failure.getMessage());
        Path file = reportDirectory.resolve(JSON_REPORT);
        try {
            Files.createDirectories(reportDirectory);
            Files.writeString(file, MAPPER.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw setUp("cannot write " + file + ": " + e.getMessage() + " (after: " + failure.getMessage() + ")", e);
        }
    }
}
