package dev.graft.maven;

import dev.graft.verifier.CheckResult;
import dev.graft.verifier.MigrationResult;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.maven.shared.utils.logging.MessageBuilder;
import org.apache.maven.shared.utils.logging.MessageUtils;

/**
 * The goals' result lines in Maven's own message styles: passed in the success style (bold green),
 * failed in the failure style (bold red), not exercised in the warning style (yellow). Maven turns
 * the styles off for {@code -B} and follows {@code -Dstyle.color=always|never|auto}
 * ({@link MessageUtils}), so a batch build's log holds no escape codes.
 */
final class ConsoleStyle {

    private ConsoleStyle() {
    }

    /** A migration's checks, as {@code apply passed, reapply failed, round-trip not exercised}, each status styled. */
    static String checks(MigrationResult migration) {
        return migration.checks().stream().map(ConsoleStyle::check).collect(Collectors.joining(", "));
    }

    private static String check(CheckResult check) {
        String status = check.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        MessageBuilder line = MessageUtils.buffer().a(check.check().id()).a(' ');
        MessageBuilder styled = switch (check.status()) {
            case PASSED -> line.success(status);
            case FAILED -> line.failure(status);
            case NOT_EXERCISED -> line.warning(status);
            case SKIPPED, NOT_RUN -> line.a(status);
        };
        return styled.toString();
    }

    /** A verdict that everything held. */
    static String passed(String text) {
        return MessageUtils.buffer().success(text).toString();
    }

    /** A line that says what failed. */
    static String failed(String text) {
        return MessageUtils.buffer().failure(text).toString();
    }

    /** A line about what was not proven. */
    static String notExercised(String text) {
        return MessageUtils.buffer().warning(text).toString();
    }
}
