package dev.graft.catalog.internal;

import dev.graft.catalog.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Positions inside a SQL script written in a YAML value, turned into positions in the YAML file. */
public final class ScriptPositions {

    private ScriptPositions() {
    }

    /**
     * {@code value} is where the YAML value starts (its quote or block indicator); a block scalar's
     * text starts on the next line, at that line's indentation.
     */
    public static Location locate(Location value, Path source, int line, int column) {
        List<String> lines;
        try {
            lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return value;
        }
        int index = value.line() - 1;
        if (index >= lines.size()) {
            return value;
        }
        String at = lines.get(index);
        String rest = at.substring(Math.min(value.column() - 1, at.length())).strip();
        if ((rest.startsWith("|") || rest.startsWith(">")) && index + 1 < lines.size()) {
            String next = lines.get(index + 1);
            int indent = next.length() - next.stripLeading().length();
            return new Location(value.file(), value.line() + line, indent + column);
        }
        boolean quoted = rest.startsWith("\"") || rest.startsWith("'");
        return line == 1 ? new Location(value.file(), value.line(), value.column() + (quoted ? 1 : 0) + column - 1)
                : new Location(value.file(), value.line() + line - 1, column);
    }
}
