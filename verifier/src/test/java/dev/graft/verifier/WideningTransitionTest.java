package dev.graft.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.catalog.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Widening refactorings, as the generator renders them: first_name varchar(40) and last_name
 * varchar(20) merged into full_name varchar(61), a numeric(10,2) price into bigint cents, an integer
 * quantity into bigint. Every old value fits the new shape; many new values do not fit back, and the
 * old shape refuses them. A refused write changes neither shape: it is counted and shown, never a
 * desync. The seed holds names of the maximum length and the numeric and integer boundaries.
 */
class WideningTransitionTest {

    private static final Path WIDENING = TestEngine.scenario("widening");
    private static final String MERGE = "merge_columns of person.first_name, last_name";
    /** The trigger keeps only the first 10 characters of the last name (the backfill keeps all). */
    private static final java.util.function.Supplier<Path> TRUNCATING = () -> HandEdit.of(WIDENING.resolve("migrations"),
            "migrations-truncating", "V2__widen.sql",
            "    SELECT (first_name || coalesce(' ' || last_name, '')) INTO graft_new_1",
            "    -- hand-edited to break it: the trigger keeps 10 characters of the last name\n"
                    + "    SELECT (first_name || coalesce(' ' || left(last_name, 10), '')) INTO graft_new_1");
    private static Branch parent;

    @BeforeAll
    static void seed() {
        parent = TestEngine.root("widening-parent", Seed.flyway("filesystem:" + WIDENING.resolve("seed")));
    }

    @AfterAll
    static void drop() {
        parent.close();
    }

    @AfterEach
    void everyBranchOfTheRunIsGone() {
        TestEngine.assertEveryRunBranchIsGone();
    }

    private static VerificationReport verify(Path migrations, long seed, Check... skipped) {
        return Verifier.on(TestEngine.get()).parent(parent.name())
                .config(VerifierConfig.builder().parallelism(2).generatedRows(40).seed(seed).skip(skipped)
                        // about widening, not locks: on a loaded CI machine an instant ADD COLUMN can queue a
                        // workload statement past the default 200 ms (LocksCheckTest measures the budget itself)
                        .lockBudget(java.time.Duration.ofSeconds(2))
                        .reportDirectory(Path.of(System.getProperty("graft.build.dir", "target"), "graft",
                                "widening-" + migrations.getFileName() + "-" + seed))
                        .build())
                .verify(VerifyRequest.builder().location(migrations)
                        .catalog(Catalog.read(WIDENING.resolve("catalog"))).build());
    }

    private static CheckResult check(VerificationReport report, Check check) {
        return report.migrations().stream().filter(m -> m.version().equals("2")).findFirst().orElseThrow()
                .check(check).orElseThrow();
    }

    @Test
    void widenedColumnsPassTransitionSyncAndTheWritesTheOldShapeRefusesAreWarnings() throws Exception {
        VerificationReport report = verify(WIDENING.resolve("migrations"), 20_261_124L);

        assertThat(report.failures()).isEmpty();
        CheckResult sync = check(report, Check.TRANSITION_SYNC);
        assertThat(sync.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(sync.summary()).contains("writes through either shape", "kept both shapes in sync",
                "writes on rows the backfill had not reached", "refused by the database changed neither shape",
                "(seed 20261124)");
        // a full name of 61 characters does not fit first_name varchar(40); a bigint of cents may not fit numeric(10,2)
        // nor an integer: each is the old shape refusing, not a desync
        assertThat(sync.details()).anySatisfy(d -> assertThat(d).startsWith(MERGE + ": new -> old by ")
                .contains("refused by the old shape: value too long for type character varying(40)"));
        assertThat(sync.details()).anySatisfy(d -> assertThat(d).startsWith("change_column_type of person.price: new -> old")
                .contains("refused by the old shape: numeric field overflow"));
        assertThat(sync.details()).anySatisfy(d -> assertThat(d).startsWith("change_column_type of person.quantity: new -> old")
                .contains("refused by the old shape: integer out of range"));
        assertThat(sync.details()).noneMatch(d -> d.contains("got (") || d.contains("the write fails"));
        CheckResult roundTrip = check(report, Check.ROUND_TRIP);
        assertThat(roundTrip.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(roundTrip.summary()).isEqualTo("all 93 existing rows round-trip");
        assertThat(check(report, Check.PREFIX_REPLAY).status()).isEqualTo(CheckStatus.PASSED);
        // no migration completes V2: what the proof leaves open is listed
        assertThat(report.openTransitions()).containsExactly(
                "V2 " + MERGE + ": expanded, not completed; a migration with `complete: \"2\"` ends it",
                "V2 change_column_type of person.price: expanded, not completed; a migration with `complete: \"2\"` ends it",
                "V2 change_column_type of person.quantity: expanded, not completed; a migration with `complete: \"2\"` ends it");
        Path dir = report.reportFiles().get(0).getParent();
        assertThat(Files.readString(dir.resolve("graft-verify.md"))).contains("### Open transitions",
                "- V2 change_column_type of person.price: expanded, not completed");
        assertThat(Files.readString(dir.resolve("graft-verify.json"))).contains("\"open_transitions\" : [ \"V2 " + MERGE);
    }

    @Test
    void aTriggerThatCutsTheLastNameStillFailsAndTheSeedReplaysItsExactCounts() {
        VerificationReport first = verify(TRUNCATING.get(), 7, Check.PREFIX_REPLAY);
        VerificationReport again = verify(TRUNCATING.get(), 7, Check.PREFIX_REPLAY);
        VerificationReport other = verify(TRUNCATING.get(), 8, Check.PREFIX_REPLAY);

        CheckResult sync = check(first, Check.TRANSITION_SYNC);
        assertThat(sync.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(sync.summary()).contains("writes of whole shapes left the shapes out of sync").endsWith("(seed 7)");
        assertThat(sync.details()).first().asString().startsWith(MERGE + ": old -> new by ").contains(": got (");
        // the same seed: the same values written, the same counts, the same rows named
        CheckResult replayed = check(again, Check.TRANSITION_SYNC);
        assertThat(replayed.summary()).isEqualTo(sync.summary());
        assertThat(replayed.details()).isEqualTo(sync.details());
        // another seed draws other values
        CheckResult reseeded = check(other, Check.TRANSITION_SYNC);
        assertThat(reseeded.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(reseeded.summary()).endsWith("(seed 8)");
        assertThat(reseeded.details()).isNotEqualTo(sync.details());
        // the catalog's expressions are sound: only the trigger is wrong
        assertThat(check(first, Check.ROUND_TRIP).status()).isEqualTo(CheckStatus.PASSED);
    }
}
