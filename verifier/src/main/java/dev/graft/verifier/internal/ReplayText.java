package dev.graft.verifier.internal;

import dev.graft.verifier.snapshot.DatabaseState;
import java.util.ArrayList;
import java.util.List;

/** How the replay checks put a difference or an error into words, for summaries and details. */
final class ReplayText {

    private static final int SHOWN = 20;

    private ReplayText() {
    }

    static String describe(DatabaseState.Difference difference) {
        List<String> parts = new ArrayList<>();
        int schema = difference.schema().lines().size();
        if (schema > 0) {
            parts.add(schema + " schema object" + (schema == 1 ? "" : "s"));
        }
        if (!difference.tables().isEmpty()) {
            parts.add("the rows of " + String.join(", ", difference.tables()));
        }
        return String.join(" and ", parts);
    }

    static String schemaLines(DatabaseState.Difference difference) {
        List<String> lines = difference.schema().lines();
        return lines.isEmpty() ? "" : ": " + String.join("; ", shown(lines));
    }

    static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        return message.strip().lines().findFirst().orElse(message);
    }

    static List<String> shown(List<String> lines) {
        if (lines.size() <= SHOWN) {
            return lines;
        }
        List<String> some = new ArrayList<>(lines.subList(0, SHOWN));
        some.add("... and " + (lines.size() - SHOWN) + " more");
        return some;
    }
}
