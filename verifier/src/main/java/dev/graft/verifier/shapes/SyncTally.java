package dev.graft.verifier.shapes;

import dev.graft.verifier.Check;
import dev.graft.verifier.CheckResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcomes of the sync check's writes, per kind of write, and the check result they make:
 * only a write that was made and left the shapes disagreeing fails it; a write the database
 * refused changed neither shape and is counted and shown as a warning; when no write was made at
 * all, the check was not exercised.
 */
final class SyncTally {

    private static final int SHOWN = 10;
    /** Refused writes shown per transition. */
    private static final int REFUSALS_SHOWN = 3;

    /** The kinds of write, in the order the summary names them. */
    enum Writes {
        COPIED("rows the backfill copied between the tables"),
        WHOLE("writes of whole shapes"),
        PART("writes of part of a shape"),
        UNBACKFILLED("writes on rows the backfill had not reached");

        private final String words;

        Writes(String words) {
            this.words = words;
        }
    }

    private final Map<Writes, Integer> made = new EnumMap<>(Writes.class);
    private final Map<Writes, List<String>> failures = new EnumMap<>(Writes.class);
    private final List<String> refused = new ArrayList<>();
    private final Map<String, List<String>> refusedBy = new java.util.LinkedHashMap<>();
    /** Failures counted but not listed, of checks that name only their first rows. */
    private final Map<Writes, Integer> unlisted = new EnumMap<>(Writes.class);
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    SyncTally() {
        for (Writes writes : Writes.values()) {
            made.put(writes, 0);
            failures.put(writes, new ArrayList<>());
        }
    }

    /** Counts one write's outcome; {@code title} names the transition. */
    void add(Writes writes, String title, SyncWrites.Outcome outcome) {
        switch (outcome.kind()) {
            case IN_SYNC -> made.merge(writes, 1, Integer::sum);
            case OUT_OF_SYNC -> {
                made.merge(writes, 1, Integer::sum);
                failures.get(writes).add(title + ": " + outcome.text());
            }
            case REFUSED -> {
                refused.add(title + ": " + outcome.text());
                refusedBy.computeIfAbsent(title, t -> new ArrayList<>()).add(title + ": " + outcome.text());
            }
            case NO_ROW -> { }
        }
    }

    /**
     * Counts {@code count} rows checked at once: {@code failed} names some of those that broke the law,
     * {@code unshown} more broke it too.
     */
    void rows(Writes writes, long count, List<String> failed, long unshown) {
        made.merge(writes, (int) Math.min(Integer.MAX_VALUE, count), Integer::sum);
        failures.get(writes).addAll(failed);
        unlisted.merge(writes, (int) Math.min(Integer.MAX_VALUE, unshown), Integer::sum);
    }

    /** A failure that is no write: a shape's columns are missing. */
    void problem(String text) {
        problems.add(text);
    }

    /** A line for the reviewer: rows generated, writes left out. */
    void note(String text) {
        notes.add(text);
    }

    CheckResult result(Duration took, long seed) {
        int whole = made.get(Writes.WHOLE);
        int part = made.get(Writes.PART);
        int unbackfilled = made.get(Writes.UNBACKFILLED);
        List<String> failed = new ArrayList<>(problems);
        failures.values().forEach(failed::addAll);
        String seeded = refusedText() + " (seed " + seed + ")";
        List<String> details = new ArrayList<>(shown(failed));
        unlisted.forEach((writes, n) -> {
            if (n > 0) {
                details.add("... and " + n + " more " + writes.words + " out of step");
            }
        });
        details.addAll(notes);
        refusedBy.values().forEach(lines -> {
            details.addAll(lines.subList(0, Math.min(REFUSALS_SHOWN, lines.size())));
            if (lines.size() > REFUSALS_SHOWN) {
                details.add("... and " + (lines.size() - REFUSALS_SHOWN) + " more refused");
            }
        });
        if (!failed.isEmpty() || unlisted.values().stream().anyMatch(n -> n > 0)) {
            List<String> parts = new ArrayList<>();
            for (Writes writes : Writes.values()) {
                int n = made.get(writes);
                int bad = failures.get(writes).size() + unlisted.getOrDefault(writes, 0);
                if (bad > 0) {
                    parts.add(bad + " of " + n + " " + writes.words + " left the shapes out of sync");
                } else if (n > 0) {
                    parts.add("all " + n + " " + writes.words + " kept them in sync");
                }
            }
            if (!problems.isEmpty()) {
                parts.add(0, problems.size() + " transition" + (problems.size() == 1 ? "" : "s")
                        + " without both shapes");
            }
            return CheckResult.failed(Check.TRANSITION_SYNC, took, String.join("; ", parts) + seeded, details);
        }
        if (whole + part + unbackfilled == 0) {
            String why = refused.isEmpty()
                    ? "no write was possible: the table has no row to update and an INSERT must give columns that are"
                            + " NOT NULL without a default"
                    : "the database refused every one of the " + refused.size() + " writes: nothing was written to compare";
            return CheckResult.notExercised(Check.TRANSITION_SYNC, took, why + " (seed " + seed + ")", details);
        }
        String summary = whole + " writes through either shape, including NULL, empty, unicode and maximum-length"
                + " values, kept both shapes in sync"
                + (part > 0 ? "; so did " + part + " writes of part of a shape (one column alone, or one column NULL)" : "")
                + (unbackfilled > 0 ? "; so did " + unbackfilled + " " + Writes.UNBACKFILLED.words : "")
                + (made.get(Writes.COPIED) > 0 ? "; all " + made.get(Writes.COPIED) + " " + Writes.COPIED.words
                        + " agree across both tables" : "");
        return CheckResult.passed(Check.TRANSITION_SYNC, took, summary + seeded, details);
    }

    private String refusedText() {
        return refused.isEmpty() ? "" : "; " + refused.size() + " write" + (refused.size() == 1 ? "" : "s")
                + " refused by the database changed neither shape";
    }

    private static List<String> shown(List<String> lines) {
        List<String> shown = new ArrayList<>(lines.subList(0, Math.min(SHOWN, lines.size())));
        if (lines.size() > SHOWN) {
            shown.add("... and " + (lines.size() - SHOWN) + " more");
        }
        return shown;
    }
}
