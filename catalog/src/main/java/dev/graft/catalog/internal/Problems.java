package dev.graft.catalog.internal;

import dev.graft.catalog.Location;
import dev.graft.catalog.Problem;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found while reading a catalog, so that all are reported at once. */
public final class Problems {

    private final List<Problem> found = new ArrayList<>();

    public void report(Location location, ProblemCode code, String message) {
        found.add(new Problem(location, code, message));
    }

    public void report(Location location, ProblemCode code, String message, Severity severity) {
        found.add(new Problem(location, code, message, severity));
    }

    public boolean hasErrors() {
        return found.stream().anyMatch(Problem::isError);
    }

    public int count() {
        return found.size();
    }

    /** All problems, by file, line and column (stable for problems at the same place). */
    public List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(found);
        copy.sort(Comparator.comparing((Problem p) -> p.location().file())
                .thenComparingInt(p -> p.location().line())
                .thenComparingInt(p -> p.location().column()));
        return List.copyOf(copy);
    }
}
