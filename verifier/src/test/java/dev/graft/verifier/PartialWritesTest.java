package dev.graft.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import dev.graft.catalog.Catalog;
import dev.graft.verifier.internal.FlywayRunner;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Check 4 writes part of a shape too: one column of a multi-column shape alone, or the whole shape
 * with one column NULL. {@link #mergePartial} is {@code merge/migrations/} with two
 * hand edits to the trigger, which then only looks at {@code street} to tell whether the old shape
 * was written: every write of the whole shape still syncs, but an UPDATE of {@code house_number}
 * alone leaves {@code address} stale.
 */
class PartialWritesTest {

    private static final Path MERGE = TestEngine.scenario("merge");
    private static final Path INVENTORY = TestEngine.scenario("inventory");
    private static final String MERGE_TITLE = "merge_columns of customer.street, house_number";
    private static Branch merge;
    private static Branch inventory;

    @BeforeAll
    static void seed() {
        merge = TestEngine.root("partial-merge-parent", Seed.flyway("filesystem:" + MERGE.resolve("seed")));
        inventory = TestEngine.root("partial-inventory-parent", Seed.flyway("filesystem:" + INVENTORY.resolve("seed")));
    }

    @AfterAll
    static void drop() {
        merge.close();
        inventory.close();
    }

    @AfterEach
    void everyBranchOfTheRunIsGone() {
        TestEngine.assertEveryRunBranchIsGone();
    }

    /** The merge's trigger tells old-shape writes by street alone. */
    private static Path mergePartial() {
        return HandEdit.of(MERGE.resolve("migrations"), "migrations-partial", "V2__merge_address.sql",
                "    graft_old_written := NEW.\"street\" IS NOT NULL OR NEW.\"house_number\" IS NOT NULL;",
                "    graft_old_written := NEW.\"street\" IS NOT NULL;",
                "    graft_old_written := ROW(NEW.\"street\", NEW.\"house_number\") IS DISTINCT FROM ROW(OLD.\"street\", OLD.\"house_number\");",
                "    graft_old_written := ROW(NEW.\"street\") IS DISTINCT FROM ROW(OLD.\"street\");");
    }

    /** The split's trigger tells new-shape writes by location_code and batch_number only. */
    private static Path inventoryPartial() {
        return HandEdit.of(INVENTORY.resolve("migrations"), "migrations-partial", "V2__split_inventory_code.sql",
                "new_written := NEW.location_code IS NOT NULL OR NEW.batch_number IS NOT NULL OR NEW.serial_number IS NOT NULL;",
                "new_written := NEW.location_code IS NOT NULL OR NEW.batch_number IS NOT NULL;",
                "new_written := ROW(NEW.location_code, NEW.batch_number, NEW.serial_number)\n"
                        + "                   IS DISTINCT FROM ROW(OLD.location_code, OLD.batch_number, OLD.serial_number);",
                "new_written := ROW(NEW.location_code, NEW.batch_number)\n"
                        + "                   IS DISTINCT FROM ROW(OLD.location_code, OLD.batch_number);");
    }

    private static VerificationReport verify(Branch parent, Path scenario, Path migrations, Check... skipped) {
        return Verifier.on(TestEngine.get()).parent(parent.name())
                .config(VerifierConfig.builder().parallelism(2).generatedRows(40).skip(skipped)
                        .lockBudget(java.time.Duration.ofSeconds(2)) // about partial writes; LocksCheckTest measures the budget
                        .reportDirectory(Path.of(System.getProperty("graft.build.dir", "target"), "graft",
                                "partial-" + scenario.getFileName() + "-" + migrations.getFileName()))
                        .build())
                .verify(VerifyRequest.builder().location(migrations)
                        .catalog(Catalog.read(scenario.resolve("catalog"))).build());
    }

    private static CheckResult check(VerificationReport report, String version, Check check) {
        return report.migrations().stream().filter(m -> m.version().equals(version)).findFirst().orElseThrow()
                .check(check).orElseThrow();
    }

    @Test
    void theEditedTriggerReallyMissesAnUpdateOfTheHouseNumberAlone() throws SQLException {
        try (Branch branch = TestEngine.get().create(BranchSpec.of("partial-merge-by-hand").parent(merge.name())
                .ifExists(IfExists.REPLACE).build())) {
            new FlywayRunner(List.of("filesystem:" + mergePartial()))
                    .migrate(branch.dataSource(), "2");
            try (Connection c = branch.connect(); Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("UPDATE customer SET house_number = '99' WHERE id = 1")).isEqualTo(1);
                try (ResultSet r = s.executeQuery("SELECT street, address FROM customer WHERE id = 1")) {
                    r.next();
                    assertThat(r.getString(1)).isEqualTo("Baker Street");
                    assertThat(r.getString(2)).as("stale").isEqualTo("Baker Street, 2");
                }
            }
        }
    }

    @Test
    void aTriggerThatLooksAtOneColumnOfTheOldShapeFailsTransitionSync() {
        VerificationReport report = verify(merge, MERGE, mergePartial(), Check.PREFIX_REPLAY);

        assertThat(report.passed()).isFalse();
        CheckResult sync = check(report, "2", Check.TRANSITION_SYNC);
        assertThat(sync.status()).isEqualTo(CheckStatus.FAILED);
        // every write of the whole shape syncs, and so does every write naming street; the 10 updates of
        // house_number alone (NULL, 5 edge cases, 4 drawn) leave the address as it was
        // on rows put back to before the backfill, the 3 updates of house_number alone are missed too
        assertThat(sync.summary()).isEqualTo("all 184 writes of whole shapes kept them in sync; 10 of 54 writes of part"
                + " of a shape left the shapes out of sync; 3 of 9 writes on rows the backfill had not reached left the"
                + " shapes out of sync (seed 20261124)");
        String alone = MERGE_TITLE + ": old -> new by update of only (house_number) = ";
        assertThat(sync.details()).hasSize(11).last().isEqualTo("... and 3 more");
        assertThat(sync.details().subList(0, 10)).allSatisfy(d -> assertThat(d).startsWith(alone)
                .contains(": got (", ", expected ("));
        assertThat(sync.details().subList(0, 6)).extracting(d -> d.substring(alone.length(), d.indexOf("): got (") + 1))
                .containsExactly("(NULL)", "('')", "('Grüße, 日本 ')", "('it''s \"quot')", "('xxxxxxxxxx')",
                        "('éééééééééé')");
        assertThat(report.failures()).containsExactly("V2 transition-sync: " + sync.summary());
        // the catalog's expressions are sound and the backfill is untouched: only the trigger is wrong
        assertThat(check(report, "2", Check.ROUND_TRIP).status()).isEqualTo(CheckStatus.PASSED);
        // a generated file edited by hand is linted like any hand-written one
        assertThat(check(report, "2", Check.LINT).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(report, "3", Check.LINT).status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void theGeneratedMergeStillPassesWithItsPartialWrites() {
        VerificationReport report = verify(merge, MERGE, MERGE.resolve("migrations"));

        assertThat(report.failures()).isEmpty();
        CheckResult sync = check(report, "2", Check.TRANSITION_SYNC);
        assertThat(sync.status()).isEqualTo(CheckStatus.PASSED);
        // street alone and house_number alone: 10 values each (NULL, 5 edge cases, 4 drawn) by update, the
        // 9 non-NULL ones by insert; then 4 whole samples with each column NULL in turn, by both: 20 + 18 + 16
        assertThat(sync.summary()).isEqualTo("184 writes through either shape, including NULL, empty, unicode and"
                + " maximum-length values, kept both shapes in sync; so did 54 writes of part of a shape (one column"
                + " alone, or one column NULL); so did 9 writes on rows the backfill had not reached (seed 20261124)");
        assertThat(check(report, "2", Check.LINT).status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void theInventorySplitStillPassesWithWritesOfPartOfItsNewShape() {
        VerificationReport report = verify(inventory, INVENTORY, INVENTORY.resolve("migrations"));

        assertThat(report.failures()).isEmpty();
        CheckResult sync = check(report, "2", Check.TRANSITION_SYNC);
        assertThat(sync.status()).isEqualTo(CheckStatus.PASSED);
        // location_code, batch_number and serial_number alone, 10 values each, by update (30) and by
        // insert (27); 4 whole samples with each of the 3 columns NULL, by both (24)
        assertThat(sync.summary()).startsWith("184 writes through either shape").endsWith(
                "kept both shapes in sync; so did 81 writes of part of a shape (one column alone, or one column NULL);"
                        + " so did 12 writes on rows the backfill had not reached (seed 20261124)");
    }

    @Test
    void aSplitTriggerThatMissesAnUpdateOfTheSerialNumberAloneFailsTransitionSync() {
        // inventoryPartial(): the split's trigger tells new-shape writes by location_code and batch_number only
        VerificationReport report = verify(inventory, INVENTORY, inventoryPartial(), Check.PREFIX_REPLAY);

        CheckResult sync = check(report, "2", Check.TRANSITION_SYNC);
        assertThat(sync.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(sync.summary()).isEqualTo("all 184 writes of whole shapes kept them in sync; 10 of 81 writes of part"
                + " of a shape left the shapes out of sync; 3 of 12 writes on rows the backfill had not reached left the"
                + " shapes out of sync (seed 20261124)");
        assertThat(sync.details()).hasSize(11).last().isEqualTo("... and 3 more");
        assertThat(sync.details().subList(0, 10)).allSatisfy(d -> assertThat(d).startsWith(
                "split_column of inventory.inventory_code: new -> old by update of only (serial_number) = ")
                .contains(": got (", ", expected ("));
        assertThat(check(report, "2", Check.ROUND_TRIP).status()).isEqualTo(CheckStatus.PASSED);
    }
}
