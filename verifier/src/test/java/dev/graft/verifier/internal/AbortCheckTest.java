package dev.graft.verifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.CheckStatus;
import dev.graft.verifier.TestEngine;
import dev.graft.verifier.snapshot.DataFingerprint;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The abort check can fail: a hand-made abort of a migration that adds a column, proven right when it
 * drops the column and its history row, and failed, naming what differs, when it leaves the column or
 * leaves the rows changed.
 */
class AbortCheckTest {

    private static final FlywayRunner FLYWAY = new FlywayRunner(List.of("filesystem:"
            + TestEngine.scenario("abort").resolve("migrations")));
    private static final Set<String> EXCLUDED = DataFingerprint.DEFAULT_EXCLUDED;
    private static final String FORGET = "DELETE FROM flyway_schema_history WHERE version = '2';";

    private static CheckResult prove(String name, List<String> abort) {
        try (Branch branch = TestEngine.root("abort-" + name, Seed.none())) {
            FLYWAY.migrate(branch.dataSource(), "1");
            AbortCheck.Before before = AbortCheck.before(branch, EXCLUDED, Set.of("public.note"));
            FLYWAY.migrate(branch.dataSource(), "2");
            return AbortCheck.prove(FLYWAY, EXCLUDED, branch, "2", abort, before);
        }
    }

    @Test
    void anAbortThatDropsTheNewShapePasses() {
        CheckResult result = prove("good", List.of("ALTER TABLE note DROP COLUMN IF EXISTS title;", FORGET));
        assertThat(result.status()).as(result.details().toString()).isEqualTo(CheckStatus.PASSED);
        assertThat(result.summary()).startsWith("2 statements abort it to the state before the expand");
    }

    @Test
    void anAbortThatLeavesAColumnFailsNamingIt() {
        CheckResult result = prove("leaves-column", List.of(FORGET));
        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.summary()).startsWith("after abort, unlike before the expand:");
        assertThat(result.details()).anyMatch(line -> line.contains("column public.note.title"));
    }

    @Test
    void anAbortThatChangesRowsFailsNamingTheTable() {
        CheckResult result = prove("changes-rows", List.of("ALTER TABLE note DROP COLUMN IF EXISTS title;",
                "UPDATE note SET body = body || '!' WHERE id = 7;", FORGET));
        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.details()).anyMatch(line -> line.contains("public.note"));
    }

    @Test
    void anAbortThatKeepsTheHistoryRowFailsOnExpandingAgain() {
        CheckResult result = prove("keeps-history", List.of("ALTER TABLE note DROP COLUMN IF EXISTS title;"));
        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.details()).anyMatch(line -> line.startsWith("expanded again, unlike the first expand:"));
    }
}
