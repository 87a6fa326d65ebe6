package dev.graft.verifier;

import dev.graft.verifier.effects.DataEffects;
import dev.graft.verifier.lint.LintFinding;
import dev.graft.verifier.snapshot.SchemaDiff;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the verifier found about one pending migration.
 *
 * @param version    its Flyway version: {@code 2}
 * @param script     its file name: {@code V2__split_inventory_code.sql}
 * @param statements how many statements it has (0 for a Java migration)
 * @param checks     one result per {@link Check}, in order
 * @param schemaDiff what it changes in the schema
 * @param roundTrips the round-trip law of each transition it opens
 * @param lint       lint findings (hand-written SQL only)
 * @param branches   the branches made for it
 * @param took       wall-clock time of all its checks
 * @param locks      what the {@link Check#LOCKS} check measured, if it ran its workload
 * @param dataEffects the rows it changed, by table and column, with their causes
 */
public record MigrationResult(String version, String script, int statements, List<CheckResult> checks,
        SchemaDiff schemaDiff, List<RoundTripFinding> roundTrips, List<LintFinding> lint, List<BranchUse> branches,
        Duration took, Optional<dev.graft.verifier.locks.MigrationLocks> locks, DataEffects dataEffects) {

    /** Without lock measurements and data effects. */
    public MigrationResult(String version, String script, int statements, List<CheckResult> checks,
            SchemaDiff schemaDiff, List<RoundTripFinding> roundTrips, List<LintFinding> lint, List<BranchUse> branches,
            Duration took) {
        this(version, script, statements, checks, schemaDiff, roundTrips, lint, branches, took, Optional.empty(),
                DataEffects.none());
    }

    public MigrationResult {
        Objects.requireNonNull(version, "version == null");
        Objects.requireNonNull(script, "script == null");
        checks = List.copyOf(checks);
        Objects.requireNonNull(schemaDiff, "schemaDiff == null");
        roundTrips = List.copyOf(roundTrips);
        lint = List.copyOf(lint);
        branches = List.copyOf(branches);
        Objects.requireNonNull(took, "took == null");
        Objects.requireNonNull(locks, "locks == null");
        Objects.requireNonNull(dataEffects, "dataEffects == null");
    }

    /** Whether no check failed. */
    public boolean passed() {
        return checks.stream().noneMatch(CheckResult::failed);
    }

    /** The result of one check, if it was recorded. */
    public Optional<CheckResult> check(Check check) {
        return checks.stream().filter(c -> c.check() == check).findFirst();
    }
}
