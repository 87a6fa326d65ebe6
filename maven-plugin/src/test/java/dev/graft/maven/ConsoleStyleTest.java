package dev.graft.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import dev.graft.verifier.MigrationResult;
import dev.graft.verifier.snapshot.SchemaDiff;
import java.time.Duration;
import java.util.List;
import org.apache.maven.shared.utils.logging.MessageUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The result lines are styled when Maven's colours are on and plain text when they are off (-B,
 * -Dstyle.color=never): the same words either way, escape codes only in the first.
 */
class ConsoleStyleTest {

    private static final String ESC = "\u001B[";

    private static final MigrationResult V2 = new MigrationResult("2", "V2__split.sql", 3, List.of(
            CheckResult.passed(Check.APPLY, Duration.ZERO, "applied"),
            CheckResult.failed(Check.REAPPLY, Duration.ZERO, "the second run fails", List.of()),
            CheckResult.notExercised(Check.ROUND_TRIP, Duration.ZERO, "no row", List.of()),
            CheckResult.skipped(Check.CONTRACT, "no transition")), SchemaDiff.none(), List.of(), List.of(), List.of(),
            Duration.ZERO);

    @AfterEach
    void coloursOffAgain() {
        MessageUtils.setColorEnabled(false);
    }

    @Test
    void underBatchModeTheLinesArePlainText() {
        MessageUtils.setColorEnabled(false);
        assertThat(ConsoleStyle.checks(V2))
                .isEqualTo("apply passed, reapply failed, round-trip not exercised, contract skipped");
        assertThat(ConsoleStyle.passed("graft: 2 migration(s) verified")).isEqualTo("graft: 2 migration(s) verified");
        assertThat(ConsoleStyle.failed("V2 reapply: fails")).isEqualTo("V2 reapply: fails");
        assertThat(ConsoleStyle.notExercised("graft: not exercised: V2")).isEqualTo("graft: not exercised: V2");
    }

    @Test
    void withColoursEachStatusHasItsStyleAndTheSameWords() {
        MessageUtils.setColorEnabled(true);
        assertThat(MessageUtils.isColorEnabled()).as("jansi is on the test class path").isTrue();
        String line = ConsoleStyle.checks(V2);
        assertThat(line).contains(ESC);
        assertThat(plain(line)).isEqualTo("apply passed, reapply failed, round-trip not exercised, contract skipped");
        assertThat(line).contains(MessageUtils.buffer().success("passed").toString(),
                MessageUtils.buffer().failure("failed").toString(), MessageUtils.buffer().warning("not exercised").toString());
        assertThat(line).contains("contract skipped").endsWith("contract skipped");
        String success = ConsoleStyle.passed("verified");
        String failure = ConsoleStyle.failed("verified");
        assertThat(success).contains(ESC).isNotEqualTo(failure);
        assertThat(plain(success)).isEqualTo("verified");
        assertThat(plain(ConsoleStyle.notExercised("not exercised"))).isEqualTo("not exercised");
    }

    private static String plain(String styled) {
        return styled.replaceAll("\u001B\\[[;\\d]*m", "");
    }
}
