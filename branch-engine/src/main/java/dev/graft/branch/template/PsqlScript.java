package dev.graft.branch.template;

import dev.graft.branch.BranchException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes a psql script (such as {@code pg_dump} output) runnable over JDBC: drops psql
 * meta-commands ({@code \connect}, {@code \restrict}, ...), which only make sense to psql, while
 * keeping the data lines of {@code COPY ... FROM stdin} blocks intact up to their {@code \.}.
 */
final class PsqlScript {

    private static final Pattern COPY_FROM_STDIN = Pattern.compile("^\\s*COPY\\s.*\\sFROM\\s+stdin.*;\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern META_COMMAND = Pattern.compile("^\\\\[a-zA-Z!?].*");

    private PsqlScript() {
    }

    static String withoutMetaCommands(String script, String origin) {
        List<String> kept = new ArrayList<>();
        int copyStartedAt = 0;
        int lineNumber = 0;
        for (String line : script.split("\n", -1)) {
            lineNumber++;
            if (copyStartedAt > 0) {
                kept.add(line);
                if (line.equals("\\.") || line.equals("\\.\r")) {
                    copyStartedAt = 0;
                }
                continue;
            }
            if (META_COMMAND.matcher(line).matches()) {
                kept.add("-- psql meta-command dropped: " + line.split("\\s", 2)[0].toLowerCase(Locale.ROOT));
                continue;
            }
            if (COPY_FROM_STDIN.matcher(line).matches()) {
                copyStartedAt = lineNumber;
            }
            kept.add(line);
        }
        if (copyStartedAt > 0) {
            throw new BranchException(origin + ":" + copyStartedAt + ": COPY ... FROM stdin has no closing \\. line");
        }
        return String.join("\n", kept);
    }
}
