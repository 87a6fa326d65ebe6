package dev.graft.verifier;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one verification: per pending migration, per check.
 *
 * @param parent       the parent database the branches were made from
 * @param engine       the branch engine's kind: {@code embedded}
 * @param started      when the run began
 * @param took         its wall-clock time
 * @param migrations   one result per pending migration, in order
 * @param branchesMade how many branches were made (all of them are gone again)
 * @param error        what stopped the run early, if anything did
 * @param reportFiles  the report files written
 * @param openTransitions the catalog's transitions that are expanded and not completed, as
 *                     {@code V2 split_column of inventory.inventory_code}: what the proof leaves open
 * @param proof        what the verification started from and each migration's content hash, for graft:migrate
 */
public record VerificationReport(String parent, String engine, Instant started, Duration took,
        List<MigrationResult> migrations, int branchesMade, Optional<String> error, List<Path> reportFiles,
        List<String> openTransitions, dev.graft.verifier.deploy.ProvenStart proof) {

    public VerificationReport {
        Objects.requireNonNull(parent, "parent == null");
        Objects.requireNonNull(engine, "engine == null");
        Objects.requireNonNull(started, "started == null");
        Objects.requireNonNull(took, "took == null");
        migrations = List.copyOf(migrations);
        Objects.requireNonNull(error, "error == null");
        reportFiles = List.copyOf(reportFiles);
        openTransitions = List.copyOf(openTransitions);
        Objects.requireNonNull(proof, "proof == null");
    }

    /** A report without a proof start (made by hand, or before anything was read). */
    public VerificationReport(String parent, String engine, Instant started, Duration took,
            List<MigrationResult> migrations, int branchesMade, Optional<String> error, List<Path> reportFiles,
            List<String> openTransitions) {
        this(parent, engine, started, took, migrations, branchesMade, error, reportFiles, openTransitions,
                dev.graft.verifier.deploy.ProvenStart.none());
    }

    /** A report without open transitions (no catalog, or every transition completed). */
    public VerificationReport(String parent, String engine, Instant started, Duration took,
            List<MigrationResult> migrations, int branchesMade, Optional<String> error, List<Path> reportFiles) {
        this(parent, engine, started, took, migrations, branchesMade, error, reportFiles, List.of());
    }

    /** Whether every check of every migration held and nothing stopped the run. */
    public boolean passed() {
        return error.isEmpty() && migrations.stream().allMatch(MigrationResult::passed);
    }

    /** Every failed check, as {@code V2 prefix-replay: ...} lines. */
    public List<String> failures() {
        return lines(CheckStatus.FAILED);
    }

    /** Every check that ran but had nothing to prove it on, as {@code V2 round-trip: ...} lines. */
    public List<String> notExercised() {
        return lines(CheckStatus.NOT_EXERCISED);
    }

    private List<String> lines(CheckStatus status) {
        return migrations.stream().flatMap(m -> m.checks().stream().filter(c -> c.status() == status)
                .map(c -> "V" + m.version() + " " + c.check().id() + ": " + c.summary())).toList();
    }

    /** The same report naming the parent {@code name}. */
    public VerificationReport withParent(String name) {
        return new VerificationReport(name, engine, started, took, migrations, branchesMade, error, reportFiles,
                openTransitions, proof);
    }

    /** The same report with the files it was written to. */
    public VerificationReport withReportFiles(List<Path> files) {
        return new VerificationReport(parent, engine, started, took, migrations, branchesMade, error, files,
                openTransitions, proof);
    }
}
