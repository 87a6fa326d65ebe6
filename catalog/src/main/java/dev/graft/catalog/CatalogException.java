package dev.graft.catalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The catalog could not be read: carries every problem found (errors and warnings), in file
 * and line order. The message lists them one per line.
 */
public final class CatalogException extends RuntimeException {

    private final List<Problem> problems;

    public CatalogException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, not just the first. */
    public List<Problem> problems() {
        return problems;
    }
}
