package dev.graft.branch.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScriptFailureTest {

    private static final String FLYWAY = """
            Migration V3__x.sql failed
            --------------------------
            SQL State  : 42P01
            Error Code : 0
            Message    : ERROR: relation "nope" does not exist
              Position: 13
            Location   : db/migration/V3__x.sql (/repo/db/migration/V3__x.sql)
            Line       : 2
            Statement  : Run Flyway with -X option to see the actual statement causing the problem
            """;

    @Test
    void namesFileLineErrorAndTheStatementReadBackFromTheScript() {
        String script = "SELECT 1;\nINSERT INTO nope\n  VALUES (1);\nSELECT 2;\n";
        assertThat(ScriptFailure.describe(FLYWAY, path -> new ScriptFailure.Script("V3__x.sql", Optional.of(script))))
                .isEqualTo("V3__x.sql:2: ERROR: relation \"nope\" does not exist, in statement \"INSERT INTO nope VALUES (1)\"");
    }

    @Test
    void withoutTheScriptItStillNamesFileAndLine() {
        assertThat(ScriptFailure.describe(FLYWAY, ScriptFailure::fromDisk))
                .isEqualTo("/repo/db/migration/V3__x.sql:2: ERROR: relation \"nope\" does not exist");
    }

    @Test
    void aMessageWithoutLocationIsPassedOn() {
        assertThat(ScriptFailure.describe("Validate failed\n", ScriptFailure::fromDisk)).isEqualTo("Validate failed");
    }

    @Test
    void psqlMetaCommandsAreBlankedLineForLineButCopyDataIsKept() {
        String dump = "\\restrict abc\nCOPY t (a) FROM stdin;\n\\N\n\\.\n\\connect db\nSELECT 1;";
        String runnable = PsqlScript.prepare(dump, "dump.sql", Integer.MAX_VALUE).chunks().get(0).text();
        assertThat(runnable.split("\n", -1)).containsExactly(
                " ".repeat(13), "COPY t (a) FROM stdin;", "\\N", "\\.", " ".repeat(11), "SELECT 1;");
    }

    @Test
    void aFailureInALaterChunkNamesTheLineOfTheWholeScript() {
        String script = "SELECT 1;\nSELECT 2;\nINSERT INTO nope\n  VALUES (1);\n";
        assertThat(ScriptFailure.describe(FLYWAY, path -> new ScriptFailure.Script("seed.sql", Optional.of(script), 1)))
                .isEqualTo("seed.sql:3: ERROR: relation \"nope\" does not exist, in statement \"INSERT INTO nope VALUES (1)\"");
    }
}
