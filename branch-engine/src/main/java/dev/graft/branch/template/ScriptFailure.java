package dev.graft.branch.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Flyway's report of a failed script into one line naming the file, the line and the
 * statement. Flyway names the file and line but shows the statement only at debug level, so the
 * statement is read back from the script at that line.
 */
final class ScriptFailure {

    private static final Pattern LOCATION = Pattern.compile("(?m)^Location\\s*:\\s*(.+?)\\s*(?:\\((.+)\\))?\\s*$");
    private static final Pattern LINE = Pattern.compile("(?m)^Line\\s*:\\s*(\\d+)");
    private static final Pattern MESSAGE = Pattern.compile("(?m)^Message\\s*:\\s*(.+)$");
    private static final int MAX_STATEMENT_LINES = 30;
    private static final int MAX_STATEMENT_LENGTH = 300;

    /**
     * What a failed script is called in the message, its text if it can be read, and how many of
     * its lines come before the part Flyway ran (a chunk of a longer script).
     */
    record Script(String name, Optional<String> text, int lineOffset) {
        Script(String name, Optional<String> text) {
            this(name, text, 0);
        }
    }

    private ScriptFailure() {
    }

    /**
     * Describes a Flyway failure as {@code file:line: error, in statement "..."}; {@code scripts}
     * maps Flyway's location (and, if given, the path in parentheses) to the script it ran.
     */
    static String describe(String flywayMessage, Function<String, Script> scripts) {
        Matcher location = LOCATION.matcher(flywayMessage);
        Matcher line = LINE.matcher(flywayMessage);
        if (!location.find() || !line.find()) {
            return flywayMessage.strip();
        }
        String path = location.group(2) != null ? location.group(2) : location.group(1);
        Script script = scripts.apply(path);
        int lineNumber = Integer.parseInt(line.group(1)) + script.lineOffset();
        Matcher message = MESSAGE.matcher(flywayMessage);
        String error = message.find() ? message.group(1).strip() : firstLine(flywayMessage);
        return script.name() + ":" + lineNumber + ": " + error
                + script.text().flatMap(t -> statementAt(t, lineNumber)).map(s -> ", in statement \"" + s + "\"").orElse("");
    }

    /** A script Flyway ran from disk: named by its path, read from there. */
    static Script fromDisk(String path) {
        Path file = Path.of(path);
        try {
            return new Script(path, Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty());
        } catch (IOException | RuntimeException e) {
            return new Script(path, Optional.empty());
        }
    }

    /** The statement that starts at a 1-based line: up to the first line ending in a semicolon. */
    static Optional<String> statementAt(String script, int lineNumber) {
        List<String> lines = script.lines().toList();
        if (lineNumber < 1 || lineNumber > lines.size()) {
            return Optional.empty();
        }
        StringBuilder statement = new StringBuilder();
        for (int i = lineNumber - 1; i < lines.size() && i < lineNumber - 1 + MAX_STATEMENT_LINES; i++) {
            String text = lines.get(i).strip();
            statement.append(statement.length() == 0 ? "" : " ").append(text);
            if (text.endsWith(";")) {
                break;
            }
        }
        String flat = statement.toString().replaceAll("\\s+", " ").strip();
        if (flat.endsWith(";")) {
            flat = flat.substring(0, flat.length() - 1);
        }
        return Optional.of(flat.length() > MAX_STATEMENT_LENGTH ? flat.substring(0, MAX_STATEMENT_LENGTH) + "..." : flat);
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("");
    }
}
